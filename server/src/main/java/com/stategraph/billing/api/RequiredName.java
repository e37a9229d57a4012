package com.stategraph.billing.api;

/** A display name: required, trimmed, and short enough to show. */
final class RequiredName {
    private static final int MAX = 200;

    private RequiredName() {
    }

    static String of(String raw) {
        String name = raw == null ? "" : raw.trim();
        if (name.isEmpty() || name.length() > MAX) {
            throw ApiException.badRequest("INVALID_NAME", "name is required and at most " + MAX + " characters");
        }
        return name;
    }
}
