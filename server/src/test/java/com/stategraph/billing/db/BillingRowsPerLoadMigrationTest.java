package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V9 moves the rows of a store that already holds data: each current load's rows into a table of
 * their own, attached to billing_rows; every row and every cent is still there afterwards. V10 then
 * builds the resource and tag-set rollups from those rows, and V12 the resource totals from those, so
 * data loaded before them answers alike.
 */
class BillingRowsPerLoadMigrationTest {

    private static Flyway flyway(DataSource ds, String target) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(target).load();
    }

    @Test
    void everyCurrentLoadGetsItsOwnTableWithAllItsRows() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            flyway(ds, "8").migrate();
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            UUID source = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 'migrated')").param(tenant).update();
            db.sql("INSERT INTO billing_sources (id, tenant_id, provider, source_uri, window_months, enabled)"
                    + " VALUES (?, ?, 'aws', 's3://b/x/', 3, true)").params(source, tenant).update();
            List<UUID> loads = List.of(UUID.randomUUID(), UUID.randomUUID());
            List<String> periods = List.of("2026-09-01", "2026-10-01");
            BigDecimal[] sums = new BigDecimal[2];
            for (int l = 0; l < 2; l++) {
                int rows = 10 + l * 5;
                db.sql("INSERT INTO billing_loads (id, tenant_id, source_id, billing_period, state, row_count)"
                                + " VALUES (?, ?, ?, ?::date, 'current', ?)")
                        .params(loads.get(l), tenant, source, periods.get(l), rows).update();
                sums[l] = BigDecimal.ZERO;
                for (int i = 0; i < rows; i++) {
                    BigDecimal cost = new BigDecimal(i + 1).movePointLeft(2);
                    sums[l] = sums[l].add(cost);
                    db.sql("INSERT INTO billing_rows (tenant_id, source_id, load_id, billing_period, billed_cost, billing_currency,"
                                    + " billing_period_start, charge_period_start, tags)"
                                    + " VALUES (?, ?, ?, ?::date, ?, 'USD', ?::date, ?::date, '{\"team\":\"a\"}'::jsonb)")
                            .params(tenant, source, loads.get(l), periods.get(l), cost, periods.get(l), periods.get(l)).update();
                }
            }

            flyway(ds, "latest").migrate();

            for (int l = 0; l < 2; l++) {
                String table = "billing_rows_" + loads.get(l).toString().replace("-", "");
                assertThat(db.sql("SELECT count(*) FROM " + table).query(Long.class).single()).isEqualTo(10 + l * 5);
                assertThat(db.sql("SELECT sum(billed_cost) FROM billing_rows WHERE load_id = ?").param(loads.get(l))
                        .query(BigDecimal.class).single()).isEqualByComparingTo(sums[l]);
                assertThat(db.sql("SELECT count(*) FROM billing_rows WHERE load_id = ? AND tags ->> 'team' = 'a'")
                        .param(loads.get(l)).query(Long.class).single()).as("every column moved").isEqualTo(10 + l * 5);
            }
            assertThat(db.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'billing_rows'::regclass")
                    .query(Long.class).single()).as("one table per load, nothing else").isEqualTo(2);
            assertThat(db.sql("SELECT to_regclass('billing_rows_by_period') IS NULL").query(Boolean.class).single()).isTrue();
            for (int l = 0; l < 2; l++) {
                var period = java.sql.Date.valueOf(periods.get(l));
                assertThat(db.sql("SELECT sum(billed_cost) FROM cost_monthly_resources WHERE tenant_id = ? AND billing_period = ?"
                        + " AND provider = 'AWS' AND resource_id IS NULL AND month = ?").params(tenant, period, period)
                        .query(BigDecimal.class).single()).isEqualByComparingTo(sums[l]);
                assertThat(db.sql("SELECT sum(billed_cost) FROM cost_daily_tag_sets WHERE tenant_id = ? AND billing_period = ?"
                        + " AND tags = '{\"team\": \"a\"}'::jsonb AND row_count = ?").params(tenant, period, 10 + l * 5)
                        .query(BigDecimal.class).single()).isEqualByComparingTo(sums[l]);
                assertThat(db.sql("SELECT sum(billed_cost) FROM cost_resource_month_totals WHERE tenant_id = ? AND month = ?"
                        + " AND resource_id IS NULL AND row_count = ?").params(tenant, period, 10 + l * 5)
                        .query(BigDecimal.class).single()).as("V12's totals").isEqualByComparingTo(sums[l]);
            }
        }
    }
}
