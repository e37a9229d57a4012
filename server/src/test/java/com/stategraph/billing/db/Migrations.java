package com.stategraph.billing.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The server's migrations run up to a version, as an upgrade from an older release would have left the schema. */
public final class Migrations {
    private Migrations() {
    }

    /** Migrates {@code ds} up to and including {@code version} ("latest": all of them). */
    public static void upTo(DataSource ds, String version) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(version).load().migrate();
    }
}
