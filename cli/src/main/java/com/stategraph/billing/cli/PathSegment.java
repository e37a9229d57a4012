package com.stategraph.billing.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** User-typed IDs go into URL paths; encode them so a stray '/' or '?' cannot change the request. */
final class PathSegment {
    private PathSegment() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An id the CLI parsed itself: nothing to encode. */
    static String encode(java.util.UUID id) {
        return id.toString();
    }
}
