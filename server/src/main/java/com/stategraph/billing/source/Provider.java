package com.stategraph.billing.source;

import com.stategraph.billing.storage.Location;

public enum Provider {
    AWS("aws", "AWS", Location.Scheme.S3, "s3://bucket/prefix/export/data/**/*.parquet"),
    GCP("gcp", "Google Cloud", Location.Scheme.GS, "gs://bucket/prefix/**/*.parquet"),
    AZURE("azure", "Microsoft", Location.Scheme.ABFSS, "abfss://container@account.dfs.core.windows.net/path/**/*.parquet");

    private final String value;
    private final String focusName;
    private final Location.Scheme scheme;
    private final String example;

    Provider(String value, String focusName, Location.Scheme scheme, String example) {
        this.value = value;
        this.focusName = focusName;
        this.scheme = scheme;
        this.example = example;
    }

    /** The ProviderName this cloud's own FOCUS exports use: stands in for rows that name no provider. */
    public String focusName() {
        return focusName;
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
