package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V50 moves {@code cost_monthly_resources}, its shared partition and its sets alike, into blocks of
 * 128 resource ids and a row per combination of dimensions; the view of that name then shows every
 * row as it was, to the digit: NULL and '' dimensions apart, lines without a ResourceId in block -1,
 * each tenant with dimensions of its own. The sets are gone with their names.
 */
class ResourceSumsInBlocksMigrationTest {
    private static final String ROW = "tenant_id, source_id, billing_period, month, provider, host_provider, publisher, invoice_issuer,"
            + " service_name, sub_account_id, region_id, resource_key, billing_currency, billed_cost, effective_cost, list_cost,"
            + " contracted_cost, row_count, resource_type, charge_category";

    private static List<String> rows(JdbcClient db) {
        return db.sql("SELECT ROW(" + ROW + ")::text FROM cost_monthly_resources ORDER BY 1").query(String.class).list();
    }

    @Test
    void everyRowMovesIntoBlocksAndReadsBackTheSame() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "49");
            JdbcClient db = JdbcClient.create(ds);
            List<UUID[]> sources = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                UUID tenant = UUID.randomUUID();
                UUID source = UUID.randomUUID();
                db.sql("INSERT INTO tenants (id, name) VALUES (?, ?)").params(tenant, "migrated-" + t).update();
                db.sql("INSERT INTO billing_sources (id, tenant_id, provider, source_uri, window_months, enabled)"
                        + " VALUES (?, ?, 'aws', 'file:///exports/', 2, true)").params(source, tenant).update();
                sources.add(new UUID[] {tenant, source});
            }
            // One period in the shared partition: 300 resources over three blocks and a few dimensions, scales kept as written.
            UUID[] shared = sources.get(0);
            db.sql("INSERT INTO cost_monthly_resources (" + ROW + ") SELECT ?, ?, '2026-10-01', '2026-10-01', 'AWS', NULL, NULL, NULL,"
                    + " 'svc-' || (i % 3), '111122223333', CASE WHEN i % 5 = 0 THEN '' WHEN i % 5 = 1 THEN NULL ELSE 'us-east-1' END,"
                    + " 5 + i * 2, 'USD', (i || '.50')::numeric, i * 0.25, 0, 0.000, i, 'Instance', 'Usage'"
                    + " FROM generate_series(1, 300) i").params(shared[0], shared[1]).update();
            // A resource under two dimension sets, and the lines without a ResourceId.
            db.sql("INSERT INTO cost_monthly_resources (" + ROW + ") VALUES (?, ?, '2026-10-01', '2026-10-01', 'AWS', NULL, NULL, NULL,"
                    + " 'svc-9', '111122223333', 'eu-west-1', 7, 'EUR', 1.1, 1, 1, 1, 2, 'Instance', 'Usage'),"
                    + " (?, ?, '2026-10-01', '2026-10-01', 'AWS', NULL, NULL, NULL, 'Support', '111122223333', NULL, NULL, 'USD', 99.99,"
                    + " 99.99, 0, 0, 1, NULL, 'Purchase')").params(shared[0], shared[1], shared[0], shared[1]).update();
            // The other tenant's period as a set of its own (V38), with the same dimensions.
            UUID[] inSet = sources.get(1);
            UUID set = UUID.randomUUID();
            String setTable = "cost_monthly_resources_set_" + set.toString().replace("-", "");
            db.sql("CREATE TABLE " + setTable + " PARTITION OF cost_monthly_resources FOR VALUES IN ('" + set + "')").update();
            db.sql("INSERT INTO cost_monthly_resources (" + ROW + ", set_id) SELECT ?, ?, '2026-11-01', '2026-11-01', 'AWS', NULL, NULL,"
                    + " NULL, 'svc-0', '111122223333', 'us-east-1', i, 'USD', i, i, i, i, 1, 'Instance', 'Usage', ?"
                    + " FROM generate_series(1, 50) i").params(inSet[0], inSet[1], set).update();
            db.sql("INSERT INTO rollup_sets (rollup, tenant_id, source_id, billing_period, set_id) VALUES ('cost_monthly_resources', ?, ?,"
                    + " '2026-11-01', ?)").params(inSet[0], inSet[1], set).update();
            List<String> before = rows(db);
            assertThat(before).hasSize(300 + 2 + 50);

            Migrations.upTo(ds, "50");

            assertThat(rows(db)).as("every row, every digit").isEqualTo(before);
            assertThat(db.sql("SELECT to_regclass(?) IS NULL").param(setTable).query(Boolean.class).single()).isTrue();
            assertThat(db.sql("SELECT count(*) FROM rollup_sets").query(Long.class).single()).isZero();
            List<String> misplaced = db.sql("SELECT block || ' ' || k FROM cost_resource_blocks b, unnest(b.resource_keys) k"
                    + " WHERE CASE WHEN k IS NULL THEN b.block <> -1 ELSE k >> 7 <> b.block END").query(String.class).list();
            assertThat(misplaced).as("each id in its block, the lines without one in block -1").isEmpty();
            assertThat(db.sql("SELECT count(*) FROM cost_resource_blocks WHERE block = -1").query(Long.class).single()).isEqualTo(1);
            List<Integer> sizes = db.sql("SELECT cardinality(resource_keys) FROM cost_resource_blocks WHERE tenant_id = ? AND block >= 0"
                    + " ORDER BY block").param(shared[0]).query(Integer.class).list();
            // ids 7, 9, ..., 605 (and 7 twice): 62 below 128, 64 in each of the next three blocks, 47 from 640 on
            assertThat(sizes).isEqualTo(List.of(62, 64, 64, 64, 47));
            Boolean sorted = db.sql("SELECT bool_and(resource_keys = ARRAY(SELECT unnest(resource_keys) ORDER BY 1)) FROM cost_resource_blocks")
                    .query(Boolean.class).single();
            assertThat(sorted).isTrue();
            // svc-0..2 x three regions ('', NULL, us-east-1), svc-9 in EUR and Support: 11; the other tenant's one of its own
            assertThat(db.sql("SELECT count(*) FROM cost_resource_dims WHERE tenant_id = ?").param(shared[0]).query(Long.class).single())
                    .isEqualTo(11);
            assertThat(db.sql("SELECT count(*) FROM cost_resource_dims WHERE tenant_id = ?").param(inSet[0]).query(Long.class).single())
                    .isEqualTo(1);
        }
    }
}
