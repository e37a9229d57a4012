package com.stategraph.billing.estimates;

import java.util.List;

/** What one resource type is charged for, read from an instance's attributes. */
@FunctionalInterface
public interface Pricer {
    List<Component> components(Resource resource);
}
