package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V51 gives every id a chunk names as a ResourceId a place in the tenant's blocks, under the same
 * number: the billing rows read the very same ResourceIds after it, with two tenants' strings
 * interleaved in the old, shared numbering; the other columns keep {@code billing_strings}.
 */
class ResourceIdsInBlocksMigrationTest {
    private static List<String> lines(JdbcClient db) {
        return db.sql("SELECT tenant_id || ' ' || coalesce(resource_id, '(null)') || ' ' || coalesce(region_id, '(null)') FROM billing_rows"
                + " ORDER BY 1").query(String.class).list();
    }

    @Test
    void everyResourceIdKeepsItsNumberAndTheLinesReadTheSame() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "50");
            JdbcClient db = JdbcClient.create(ds);
            List<UUID> tenants = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                UUID tenant = UUID.randomUUID();
                db.sql("INSERT INTO tenants (id, name) VALUES (?, ?)").params(tenant, "migrated-" + t).update();
                tenants.add(tenant);
            }
            // Both tenants' strings in one numbering, interleaved, as the shared identity gave them.
            Map<UUID, List<Integer>> resourceIds = new TreeMap<>();
            Map<UUID, Integer> regions = new TreeMap<>();
            for (int i = 0; i < 90; i++) {
                for (UUID tenant : tenants) {
                    String v = i == 0 ? "" : "arn:aws:ec2:us-east-1:123456789012:instance/i-" + tenant.toString().substring(0, 4) + "-" + i;
                    resourceIds.computeIfAbsent(tenant, k -> new ArrayList<>()).add(db.sql("INSERT INTO billing_strings (tenant_id, digest,"
                            + " value) VALUES (?, dictionary_digest(?), ?) RETURNING id").params(tenant, v, v).query(Integer.class).single());
                    if (i == 40) {
                        regions.put(tenant, db.sql("INSERT INTO billing_strings (tenant_id, digest, value) VALUES (?, dictionary_digest("
                                + "'us-east-1'), 'us-east-1') RETURNING id").param(tenant).query(Integer.class).single());
                    }
                }
            }
            for (UUID tenant : tenants) {
                List<Integer> ids = new ArrayList<>(resourceIds.get(tenant));
                java.util.Collections.reverse(ids);
                ids.add(null); // a line without a ResourceId
                Integer[] regionIds = ids.stream().map(x -> regions.get(tenant)).toArray(Integer[]::new);
                db.sql("INSERT INTO billing_chunks_small (tenant_id, source_id, load_id, billing_period, chunk, row_count, resource_id, region_id)"
                        + " VALUES (?, ?, ?, '2026-10-01', 0, ?, ?, ?)").params(tenant, UUID.randomUUID(), UUID.randomUUID(), ids.size(),
                        ids.toArray(Integer[]::new), regionIds).update();
            }
            List<String> before = lines(db);
            assertThat(before).hasSize(2 * 91).anyMatch(l -> l.contains("instance/i-")).anyMatch(l -> l.contains("(null) us-east-1"));

            Migrations.upTo(ds, "latest");

            assertThat(lines(db)).as("every line's ResourceId and region, as before").isEqualTo(before);
            for (UUID tenant : tenants) {
                Map<Integer, String> moved = new TreeMap<>();
                db.sql("SELECT id, value FROM billing_resource_values WHERE tenant_id = ?").param(tenant)
                        .query((rs, n) -> moved.put(rs.getInt(1), rs.getString(2))).list();
                Map<Integer, String> old = new TreeMap<>();
                db.sql("SELECT id, value FROM billing_strings WHERE tenant_id = ? AND id = ANY (?)").params(tenant,
                        resourceIds.get(tenant).toArray(Integer[]::new)).query((rs, n) -> old.put(rs.getInt(1), rs.getString(2))).list();
                assertThat(old).hasSize(90);
                assertThat(moved).as("each ResourceId under its number").containsAllEntriesOf(old);
                assertThat(moved.keySet()).as("and only the tenant's own strings").isSubsetOf(db.sql("SELECT id FROM billing_strings"
                        + " WHERE tenant_id = ?").param(tenant).query(Integer.class).list());
                assertThat(db.sql("SELECT count(*) FROM billing_resource_ids WHERE tenant_id = ? AND cardinality(digests) <> cardinality(vals)")
                        .param(tenant).query(Long.class).single()).isZero();
            }
            assertThat(db.sql("SELECT count(*) FROM billing_resource_ids b, unnest(b.digests, b.vals) u (d, v)"
                    + " WHERE u.d IS DISTINCT FROM resource_digest(u.v)").query(Long.class).single()).as("each digest its value's").isZero();
            assertThat(db.sql("SELECT count(*) FROM billing_resource_id_clashes").query(Long.class).single()).isZero();
        }
    }
}
