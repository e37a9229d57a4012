package com.stategraph.billing.storage;

import java.net.URI;

/**
 * Operator-level S3 settings ({@code STATEGRAPH_S3_ENDPOINT}, {@code STATEGRAPH_S3_PATH_STYLE}) for
 * S3-compatible stores and emulators; never per source. {@code pageSize} is how many keys one
 * listing request asks for (S3 answers at most 1000).
 */
public record S3Settings(URI endpoint, boolean pathStyle, int pageSize) {
    public static final int MAX_PAGE = 1000;

    public S3Settings {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE);
        }
    }

    public static S3Settings defaults() {
        return new S3Settings(null, false, MAX_PAGE);
    }
}
