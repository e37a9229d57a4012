package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V38 makes the per-resource and per-tag rollups partitioned: the rows written before it are all
 * still read through the table's name, from its shared partition, and its indexes are the ones the
 * rows had (attached, not built again).
 */
class RollupSetsMigrationTest {
    private static final List<String> ROLLUPS = List.of("cost_monthly_resources", "cost_daily_tag_sets", "cost_daily_tags");

    @Test
    void rowsWrittenBeforeAreReadThroughTheParentFromTheSharedPartition() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "37");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            UUID source = UUID.randomUUID();
            Migrations.tenantWithSource(db, tenant, source);
            int rows = 25;
            String common = "SELECT ?::uuid, ?::uuid, DATE '2026-10-01', DATE '2026-10-01' + (i % 28), 'AWS', 'USD', i / 100.0 AS cost, 0, 0, 0, 1"
                    + " FROM generate_series(1, " + rows + ") i";
            db.sql("INSERT INTO cost_monthly_resources (tenant_id, source_id, billing_period, month, provider, billing_currency,"
                    + " billed_cost, effective_cost, list_cost, contracted_cost, row_count, resource_id) SELECT x.*, 'r-' || x.cost"
                    + " FROM (" + common.replace("DATE '2026-10-01' + (i % 28)", "DATE '2026-10-01'") + ") x").params(tenant, source).update();
            db.sql("INSERT INTO cost_daily_tag_sets (tenant_id, source_id, billing_period, day, provider, billing_currency,"
                    + " billed_cost, effective_cost, list_cost, contracted_cost, row_count, tags) SELECT x.*,"
                    + " jsonb_build_object('team', x.cost::text) FROM (" + common + ") x").params(tenant, source).update();
            db.sql("INSERT INTO cost_daily_tags (tenant_id, source_id, billing_period, day, provider, billing_currency,"
                    + " billed_cost, effective_cost, list_cost, contracted_cost, row_count, tag_key, tag_value) SELECT x.*, 'team',"
                    + " x.cost::text FROM (" + common + ") x").params(tenant, source).update();
            String before = "SELECT count(*) || ' ' || sum(billed_cost) FROM ";
            List<String> sums = ROLLUPS.stream().map(t -> db.sql(before + t).query(String.class).single()).toList();

            Migrations.upTo(ds, "38");

            for (int i = 0; i < ROLLUPS.size(); i++) {
                String rollup = ROLLUPS.get(i);
                assertThat(db.sql(before + rollup).query(String.class).single()).as(rollup).isEqualTo(sums.get(i)).startsWith(rows + " ");
                assertThat(db.sql(before + rollup + "_shared").query(String.class).single()).as(rollup).isEqualTo(sums.get(i));
                assertThat(db.sql("SELECT relkind::text FROM pg_class WHERE oid = ?::regclass").param(rollup).query(String.class).single())
                        .as(rollup + " is partitioned").isEqualTo("p");
                // each of the parent's two indexes has the shared partition's index attached
                assertThat(db.sql("SELECT count(*) FROM pg_inherits i JOIN pg_index x ON x.indexrelid = i.inhrelid"
                        + " WHERE x.indrelid = ?::regclass").param(rollup + "_shared").query(Long.class).single()).as(rollup).isEqualTo(2);
            }
            // A row written through the parent without a set lands in the shared partition.
            db.sql("INSERT INTO cost_daily_tags (tenant_id, source_id, billing_period, day, provider, billing_currency, billed_cost,"
                    + " effective_cost, list_cost, contracted_cost, row_count, tag_key) VALUES (?, ?, DATE '2026-10-01', DATE '2026-10-02',"
                    + " 'AWS', 'USD', 1, 1, 1, 1, 1, 'env')").params(tenant, source).update();
            assertThat(db.sql("SELECT count(*) FROM cost_daily_tags_shared").query(Long.class).single()).isEqualTo(rows + 1);
        }
    }
}
