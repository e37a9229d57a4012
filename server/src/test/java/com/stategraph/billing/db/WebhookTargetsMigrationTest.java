package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V29 shortens the webhook targets shown before it, in channels and in the audit log, to scheme, host and first segment. */
class WebhookTargetsMigrationTest {

    @Test
    void targetsShownBeforeKeepOnlySchemeHostAndFirstSegment() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "28");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 't')").param(tenant).update();
            String[][] shown = {
                    {"webhook", "https://hooks.example.com/hook/PATHSECRET?…", "https://hooks.example.com/hook/…?…"},
                    {"slack", "https://hooks.slack.com/services/T0/B0/…", "https://hooks.slack.com/services/…"},
                    {"webhook", "https://hooks.example.com:8443/in", "https://hooks.example.com:8443/in"},
                    {"webhook", "https://hooks.example.com/", "https://hooks.example.com/"},
                    {"email", "ops@example.com", "ops@example.com"}};
            for (String[] s : shown) {
                db.sql("INSERT INTO notification_channels (tenant_id, id, type, target, events) VALUES (?, ?, ?, ?, ARRAY['sync_failed'])")
                        .params(tenant, UUID.randomUUID(), s[0], s[1]).update();
                db.sql("INSERT INTO audit_log (tenant_id, actor_type, action, target_type, detail) VALUES (?, 'api',"
                        + " 'notification_channel.create', 'notification_channel', jsonb_build_object('target', ?::text))")
                        .params(tenant, s[1]).update();
            }

            Migrations.upTo(ds, "29");

            for (String[] s : shown) {
                String kept = s[0].equals("email") ? s[1] : s[2];
                assertThat(db.sql("SELECT count(*) FROM notification_channels WHERE target = ?").param(kept).query(Long.class).single())
                        .as(s[1]).isEqualTo(1);
                assertThat(db.sql("SELECT count(*) FROM audit_log WHERE detail->>'target' = ?").param(kept).query(Long.class).single())
                        .as(s[1]).isEqualTo(1);
            }
            assertThat(db.sql("SELECT count(*) FROM notification_channels WHERE target LIKE '%SECRET%' OR target LIKE '%T0/B0%'")
                    .query(Long.class).single()).isZero();
        }
    }
}
