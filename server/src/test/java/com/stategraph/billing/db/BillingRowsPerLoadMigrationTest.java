package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V9 moves the rows of a store that already holds data: each current load's rows into a table of
 * their own, attached to billing_rows; every row and every cent is still there afterwards. V10 then
 * builds the resource and tag-set rollups from those rows, and V12 the resource totals from those, so
 * data loaded before them answers alike. V13 turns each load's table into compact chunks: every
 * value of every row reads back the same through the billing_rows view. V21 gives the monthly
 * resource rollup each resource's type from its rows.
 */
class BillingRowsPerLoadMigrationTest {


    /** Values as Java compares them: JSON and timestamps by their text, decimals exactly as stored. */
    private static java.util.Map<String, Object> comparable(java.util.Map<String, Object> row) {
        java.util.Map<String, Object> out = new java.util.TreeMap<>();
        row.forEach((k, v) -> out.put(k, v == null || v instanceof BigDecimal ? v : v.toString()));
        return out;
    }

    @Test
    void everyCurrentLoadGetsItsOwnTableWithAllItsRows() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "8");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            UUID source = UUID.randomUUID();
            Migrations.tenantWithSource(db, tenant, source);
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
                                    + " billing_period_start, charge_period_start, tags, list_cost, service_name, resource_id,"
                                    + " charge_period_end, extra, sku_price_details, resource_type)"
                                    + " VALUES (?, ?, ?, ?::date, ?, 'USD', ?::date, ?::date, '{\"team\":\"a\"}'::jsonb, ?, ?, ?,"
                                    + " ?::timestamptz, ?::jsonb, NULL, ?)")
                            .params(tenant, source, loads.get(l), periods.get(l), cost, periods.get(l), periods.get(l),
                                    i % 4 == 0 ? null : cost.add(BigDecimal.ONE), "svc-" + i % 3,
                                    i % 5 == 0 ? null : "arn:aws:ec2:r:1:instance/i-" + i, periods.get(l) + " 12:30:00.5+00",
                                    "{\"x_Row\": \"" + i + "\"}", i % 2 == 0 ? "Instance" : null).update();
                }
            }

            Migrations.upTo(ds, "12");

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
                        + " AND provider = 'AWS' AND month = ?").params(tenant, period, period)
                        .query(BigDecimal.class).single()).isEqualByComparingTo(sums[l]);
                assertThat(db.sql("SELECT sum(billed_cost) FROM cost_daily_tag_sets WHERE tenant_id = ? AND billing_period = ?"
                        + " AND tags = '{\"team\": \"a\"}'::jsonb").params(tenant, period)
                        .query(BigDecimal.class).single()).isEqualByComparingTo(sums[l]);
                assertThat(db.sql("SELECT sum(billed_cost) FROM cost_resource_month_totals WHERE tenant_id = ? AND month = ?")
                        .params(tenant, period).query(BigDecimal.class).single()).as("V12's totals").isEqualByComparingTo(sums[l]);
                assertThat(db.sql("SELECT sum(row_count) FROM cost_resource_month_totals WHERE tenant_id = ? AND month = ?")
                        .params(tenant, period).query(Long.class).single()).isEqualTo(10 + l * 5);
            }

            String everything = "SELECT * FROM billing_rows ORDER BY load_id, billed_cost";
            List<java.util.Map<String, Object>> before = db.sql(everything).query().listOfRows().stream()
                    .map(BillingRowsPerLoadMigrationTest::comparable).toList();
            assertThat(before).hasSize(25);
            Migrations.upTo(ds, "latest");
            assertThat(db.sql("SELECT relkind::text FROM pg_class WHERE relname = 'billing_rows'").query(String.class).single())
                    .as("billing_rows is a view now").isEqualTo("v");
            // the columns billing_rows had before (later ones, V44's resource_key, are added at the end)
            java.util.Set<String> columnsBefore = before.get(0).keySet();
            assertThat(db.sql(everything).query().listOfRows().stream().map(BillingRowsPerLoadMigrationTest::comparable)
                    .map(r -> { r.keySet().retainAll(columnsBefore); return r; }).toList())
                    .as("every value of every row after V13").isEqualTo(before);
            for (int l = 0; l < 2; l++) {
                String chunks = "billing_chunks_" + loads.get(l).toString().replace("-", "");
                assertThat(db.sql("SELECT sum(row_count) FROM " + chunks).query(Long.class).single()).isEqualTo(10 + l * 5);
            }
            assertThat(db.sql("SELECT count(*) FROM billing_strings WHERE tenant_id = ? AND value = 'USD'").param(tenant)
                    .query(Long.class).single()).as("a repeated string is stored once").isEqualTo(1);
            assertThat(db.sql("SELECT count(*) FROM billing_json WHERE tenant_id = ? AND value = '{\"team\": \"a\"}'::jsonb")
                    .param(tenant).query(Long.class).single()).isEqualTo(1);
            for (int l = 0; l < 2; l++) {
                java.util.Map<String, String> types = new java.util.TreeMap<>();
                for (int i = 0; i < 10 + l * 5; i++) {
                    if (i % 5 != 0) {
                        types.put("arn:aws:ec2:r:1:instance/i-" + i, i % 2 == 0 ? "Instance" : "(none)");
                    }
                }
                java.util.Map<String, String> migrated = new java.util.TreeMap<>();
                db.sql("SELECT d.value, coalesce(m.resource_type, '(none)') AS t FROM cost_monthly_resources m"
                                + " JOIN billing_strings d ON d.tenant_id = m.tenant_id AND d.id = m.resource_key"
                                + " WHERE m.tenant_id = ? AND m.billing_period = ?::date")
                        .params(tenant, periods.get(l)).query(rs -> {
                            migrated.put(rs.getString(1), rs.getString(2));
                        });
                assertThat(migrated).as("V21: each resource's type from its rows").isEqualTo(types);
            }
            assertThat(db.sql("SELECT to_regclass('billing_rows_" + loads.get(0).toString().replace("-", "") + "') IS NULL")
                    .query(Boolean.class).single()).as("the row tables are gone").isTrue();
        }
    }

    /** V27 sums what cost_daily and cost_monthly already hold per single dimension, keys stored twice included. */
    @Test
    void v27SumsTheStoredRollupsPerSingleDimension() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "26");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            UUID source = UUID.randomUUID();
            Migrations.tenantWithSource(db, tenant, source);
            java.util.Map<String, BigDecimal> byService = new java.util.TreeMap<>();
            java.util.Map<String, BigDecimal> byRegion = new java.util.TreeMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < 30; i++) {
                String day = "2026-09-0" + (1 + i % 3);
                String service = "svc-" + i % 4;
                String region = i % 5 == 0 ? null : "r-" + i % 2;
                BigDecimal cost = BigDecimal.valueOf(i * 13L + 1, 2);
                for (String table : List.of("cost_daily", "cost_monthly")) {
                    db.sql("INSERT INTO " + table + " (tenant_id, source_id, billing_period, " + (table.equals("cost_daily") ? "day" : "month")
                                    + ", provider, service_name, region_id, billing_currency, billed_cost, effective_cost, list_cost,"
                                    + " contracted_cost, row_count) VALUES (?, ?, '2026-09-01', ?::date, 'AWS', ?, ?, 'USD', ?, ?, 0, 0, 1)")
                            .params(tenant, source, table.equals("cost_daily") ? day : "2026-09-01", service, region, cost, cost).update();
                }
                byService.merge(day + " " + service, cost, BigDecimal::add);
                byRegion.merge(day + " " + (region == null ? "(none)" : region), cost, BigDecimal::add);
                total = total.add(cost);
            }

            Migrations.upTo(ds, "latest");

            java.util.Map<String, BigDecimal> services = new java.util.TreeMap<>();
            java.util.Map<String, BigDecimal> regions = new java.util.TreeMap<>();
            db.sql("SELECT dimension, day::text || ' ' || coalesce(value, '(none)'), billed_cost, row_count FROM cost_daily_dimensions"
                    + " WHERE tenant_id = ?").param(tenant).query(rs -> {
                        java.util.Map<String, BigDecimal> into = switch (rs.getString(1)) {
                            case "service_name" -> services;
                            case "region_id" -> regions;
                            default -> new java.util.HashMap<>();
                        };
                        assertThat(into.put(rs.getString(2), rs.getBigDecimal(3))).as("one row per value").isNull();
                    });
            assertThat(services).isEqualTo(byService);
            assertThat(regions).isEqualTo(byRegion);
            assertThat(db.sql("SELECT sum(billed_cost) FROM cost_daily_dimensions WHERE tenant_id = ? AND dimension = 'total'")
                    .param(tenant).query(BigDecimal.class).single()).isEqualByComparingTo(total);
            assertThat(db.sql("SELECT billed_cost FROM cost_monthly_dimensions WHERE tenant_id = ? AND dimension = 'total'")
                    .param(tenant).query(BigDecimal.class).single()).isEqualByComparingTo(total);
            assertThat(db.sql("SELECT sum(row_count) FROM cost_monthly_dimensions WHERE tenant_id = ? AND dimension = 'service_name'")
                    .param(tenant).query(Long.class).single()).isEqualTo(30);
        }
    }
}
