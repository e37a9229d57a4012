package com.stategraph.billing.api;

import java.util.List;

/** Every list the API answers: {@code {"results": [...]}}. */
public record Results<T>(List<T> results) {
}
