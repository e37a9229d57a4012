package com.stategraph.billing.states;

import java.util.Set;

/**
 * The top-level attributes of a resource type that estimates read. Only these (with identifiers,
 * tags and where it runs) are kept of an instance: a state's attribute bag holds secrets no
 * allow-list of names can catch (user data with keys in it, connection strings under any name).
 */
@FunctionalInterface
public interface AttributesRead {
    Set<String> of(String type);
}
