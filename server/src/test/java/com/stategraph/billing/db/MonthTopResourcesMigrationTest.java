package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V42 keeps each month's 1,000 largest resources per currency and metric instead of every resource's
 * total: the lists come from the totals before it (the shared table's and the current sets', never a
 * replaced set's), in the resource view's order, and the old tables go, a replaced set left detached
 * by a stopped server with them.
 */
class MonthTopResourcesMigrationTest {
    private static final String COLUMNS = "(tenant_id, %s, billing_currency, resource_id, billed_cost, effective_cost, list_cost,"
            + " contracted_cost, row_count)";

    @Test
    void theLargestResourcesOfEveryMonthComeFromTheTotalsBefore() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "41");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 't')").param(tenant).update();
            // October in the shared table: 1,010 resources, billed i cents (ties every 500), effective the other way, one without id.
            db.sql("INSERT INTO cost_resource_month_totals " + COLUMNS.formatted("month") + " SELECT ?, DATE '2026-10-01', 'USD',"
                    + " CASE WHEN i = 1010 THEN NULL ELSE 'r-' || lpad(i::text, 4, '0') END, (i % 500) / 100.0, (1010 - i) / 100.0, 0, 0, 2"
                    + " FROM generate_series(1, 1010) i").param(tenant).update();
            // November a current set, and a replaced set still attached whose rows must not count.
            UUID current = UUID.randomUUID();
            UUID replaced = UUID.randomUUID();
            for (UUID set : List.of(current, replaced)) {
                String table = "cost_resource_totals_" + set.toString().replace("-", "");
                db.sql("CREATE TABLE " + table + " PARTITION OF cost_resource_month_totals_large FOR VALUES IN ('" + set + "')").update();
                db.sql("INSERT INTO " + table + " " + COLUMNS.formatted("set_id") + " SELECT ?, ?, 'EUR', 'n-' || i, i * ?, 1, 0, 0, 1"
                        + " FROM generate_series(1, 3) i").params(tenant, set, set.equals(current) ? 1 : 100).update();
            }
            db.sql("INSERT INTO resource_month_total_sets (tenant_id, month, set_id) VALUES (?, DATE '2026-11-01', ?)")
                    .params(tenant, current).update();
            db.sql("CREATE TABLE cost_resource_totals_0123456789abcdef0123456789abcdef (LIKE cost_resource_month_totals_large)").update();

            Migrations.upTo(ds, "42");

            String list = "SELECT string_agg(coalesce(resource_id, '-') || ' ' || trim_scale(cost)::text, ', ' ORDER BY position)"
                    + " FROM cost_month_top_resources WHERE tenant_id = ? AND month = ?::date AND billing_currency = ? AND metric = ?";
            String billed = db.sql(list).params(tenant, "2026-10-01", "USD", "billed_cost").query(String.class).single();
            List<String> billedList = List.of(billed.split(", "));
            assertThat(billedList).hasSize(1000);
            // 4.99 twice (r-0499, r-0999), then 4.98 twice..., each tie broken by id; the ten at 0.00 to 0.03 are cut.
            assertThat(billedList.subList(0, 4)).containsExactly("r-0499 4.99", "r-0999 4.99", "r-0498 4.98", "r-0998 4.98");
            assertThat(billedList).doesNotContain("r-0500 0", "r-1000 0");
            String effective = db.sql(list).params(tenant, "2026-10-01", "USD", "effective_cost").query(String.class).single();
            assertThat(effective).startsWith("r-0001 10.09, r-0002 10.08").endsWith("r-1000 0.1");
            assertThat(db.sql(list).params(tenant, "2026-11-01", "EUR", "billed_cost").query(String.class).single())
                    .as("the current set's rows only").isEqualTo("n-3 3, n-2 2, n-1 1");
            assertThat(db.sql("SELECT count(*) FROM pg_class WHERE relname LIKE 'cost\\_resource\\_%' OR relname = 'resource_month_total_sets'")
                    .query(Long.class).single()).as("the totals' tables, sets and leftovers are gone").isZero();
        }
    }
}
