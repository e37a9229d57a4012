package com.stategraph.billing.db;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The server's migrations run up to a version, as an upgrade from an older release would have left the schema. */
public final class Migrations {
    private Migrations() {
    }

    /** Migrates {@code ds} up to and including {@code version} ("latest": all of them). */
    public static void upTo(DataSource ds, String version) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(version).load().migrate();
    }

    /** A tenant with one AWS billing source, as the migration tests' rows need them. */
    public static void tenantWithSource(JdbcClient db, UUID tenant, UUID source) {
        db.sql("INSERT INTO tenants (id, name) VALUES (?, 'migrated')").param(tenant).update();
        source(db, tenant, source, "s3://b/x/");
    }

    /** One more AWS billing source of {@code tenant}. */
    public static void source(JdbcClient db, UUID tenant, UUID source, String uri) {
        db.sql("INSERT INTO billing_sources (id, tenant_id, provider, source_uri, window_months, enabled)"
                + " VALUES (?, ?, 'aws', ?, 3, true)").params(source, tenant, uri).update();
    }
}
