package com.stategraph.billing.billing.source;

import com.stategraph.billing.billing.storage.Location;

public enum Provider {
    AWS("aws", Location.Scheme.S3, "s3://bucket/prefix/export/data/**/*.parquet"),
    GCP("gcp", Location.Scheme.GS, "gs://bucket/prefix/**/*.parquet"),
    AZURE("azure", Location.Scheme.ABFSS, "abfss://container@account.dfs.core.windows.net/path/**/*.parquet");

    private final String value;
    private final Location.Scheme scheme;
    private final String example;

    Provider(String value, Location.Scheme scheme, String example) {
        this.value = value;
        this.scheme = scheme;
        this.example = example;
    }

    public String value() {
        return value;
    }

    public Location.Scheme scheme() {
        return scheme;
    }

    public String example() {
        return example;
    }

    /** @return the provider, or null when the text names none */
    public static Provider parse(String text) {
        for (Provider p : values()) {
            if (p.value.equals(text)) {
                return p;
            }
        }
        return null;
    }
}
