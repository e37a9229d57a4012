package com.stategraph.billing.api;

import java.util.List;

/** Every list the API answers: {@code {"results": [...]}}. */
public record Results<T>(List<T> results) {

    /** A history's {@code limit} parameter: 1 to 500. */
    static int historyLimit(int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("INVALID_PARAMETER", "limit must be between 1 and 500");
        }
        return limit;
    }
}
