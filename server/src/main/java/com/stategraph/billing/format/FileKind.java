package com.stategraph.billing.format;

import java.util.Locale;

/** What a listed object is, by its name: data to load, or something an export writes beside it. */
public enum FileKind {
    PARQUET, CSV, NOT_DATA;

    public static FileKind of(String key) {
        if (key.endsWith("/")) {
            return NOT_DATA;
        }
        String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        // _SUCCESS, _committed_*, .crc side files and the like are bookkeeping, never data.
        if (name.startsWith("_") || name.startsWith(".")) {
            return NOT_DATA;
        }
        if (name.endsWith(".parquet") || name.endsWith(".parq")) {
            return PARQUET;
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".csv.gzip")) {
            return CSV;
        }
        return NOT_DATA;
    }
}
