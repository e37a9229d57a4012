package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V49 keeps the managed resources' rows of {@code attribution_resources} and moves each tenant's
 * unmanaged ones into {@code attribution_unmanaged}: their ids sorted, 1,024 a row; every id is
 * still there, in its own tenant, and a row without a state can no longer be written.
 */
class UnmanagedInBlocksMigrationTest {

    @Test
    void theUnmanagedResourcesMoveIntoBlocksAndTheManagedStay() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "48");
            JdbcClient db = JdbcClient.create(ds);
            Map<UUID, List<Integer>> unmanaged = new TreeMap<>();
            Map<Integer, String> managed = new TreeMap<>();
            UUID state = UUID.randomUUID();
            int[] sizes = {2_100, 5};
            for (int t = 0; t < sizes.length; t++) {
                UUID tenant = UUID.randomUUID();
                db.sql("INSERT INTO tenants (id, name) VALUES (?, ?)").params(tenant, "migrated-" + t).update();
                List<Integer> keys = new ArrayList<>();
                for (int i = 0; i < sizes[t]; i++) {
                    keys.add(t * 100_000 + 7 * i + 3);
                }
                Collections.shuffle(keys, new java.util.Random(t));
                db.sql("INSERT INTO attribution_resources (tenant_id, resource_key, state_id, address) SELECT ?, k, NULL, NULL"
                        + " FROM unnest(?::integer[]) WITH ORDINALITY AS x (k, n) ORDER BY n").params(tenant, keys.toArray(new Integer[0])).update();
                Collections.sort(keys);
                unmanaged.put(tenant, keys);
                if (t == 0) {
                    for (int i = 1; i <= 3; i++) {
                        int key = 900_000 + i;
                        managed.put(key, "aws_instance.web[" + i + "]");
                        db.sql("INSERT INTO attribution_resources (tenant_id, resource_key, state_id, address) VALUES (?, ?, ?, ?)")
                                .params(tenant, key, state, managed.get(key)).update();
                    }
                }
            }

            Migrations.upTo(ds, "49");

            Map<Integer, String> kept = new TreeMap<>();
            db.sql("SELECT resource_key, address FROM attribution_resources").query(rs -> {
                kept.put(rs.getInt(1), rs.getString(2));
            });
            assertThat(kept).as("the managed rows, and only those").isEqualTo(managed);
            for (Map.Entry<UUID, List<Integer>> e : unmanaged.entrySet()) {
                List<Integer> keys = db.sql("SELECT resource_key FROM attribution_unmanaged_keys WHERE tenant_id = ?").param(e.getKey())
                        .query(Integer.class).list();
                assertThat(keys).as("every unmanaged id, sorted, in its tenant").isEqualTo(e.getValue());
                List<Integer> blockSizes = db.sql("SELECT cardinality(keys) FROM attribution_unmanaged WHERE tenant_id = ? ORDER BY block")
                        .param(e.getKey()).query(Integer.class).list();
                List<Integer> expected = new ArrayList<>();
                for (int left = e.getValue().size(); left > 0; left -= 1024) {
                    expected.add(Math.min(left, 1024));
                }
                assertThat(blockSizes).isEqualTo(expected);
            }
            UUID tenant = unmanaged.keySet().iterator().next();
            assertThatThrownBy(() -> db.sql("INSERT INTO attribution_resources (tenant_id, resource_key, state_id) VALUES (?, 1, NULL)")
                    .param(tenant).update()).hasMessageContaining("state_id");
        }
    }
}
