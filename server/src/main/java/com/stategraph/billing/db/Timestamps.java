package com.stategraph.billing.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The API shows times to the second (RFC 3339, UTC); the database keeps them exact. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant toInstant(Timestamp ts) {
        return ts == null ? null : ts.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
