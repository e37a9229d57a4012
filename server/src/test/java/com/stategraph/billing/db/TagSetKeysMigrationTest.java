package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V45 names each tag set of {@code cost_daily_tag_sets} by its id in the JSON dictionary instead of
 * keeping the JSON: every row keeps its tags (a set partition's rows too), a set without tags has
 * none, a set the dictionary lacked is added rather than lost, and of two texts of one JSON the
 * lower id is taken.
 */
class TagSetKeysMigrationTest {
    private static final String DAY = "2026-10-03";

    private record TagSet(String json, BigDecimal cost, boolean inSet) {
    }

    @Test
    void everyTagSetKeepsItsTagsAndNothingIsLost() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "44");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            UUID source = UUID.randomUUID();
            Migrations.tenantWithSource(db, tenant, source);
            // As loads store them: the digest of the text as read. The second text is the first's JSON, written another way.
            List<String> loaded = List.of("{\"team\": \"payments\", \"env\": \"prod\"}", "{\"env\":\"prod\",\"team\":\"payments\"}",
                    "{\"team\": \"search\"}");
            Map<String, Integer> ids = new HashMap<>();
            for (String v : loaded) {
                ids.put(v, db.sql("INSERT INTO billing_json (tenant_id, digest, value) VALUES (?, dictionary_digest(?), ?::jsonb) RETURNING id")
                        .params(tenant, v, v).query(Integer.class).single());
            }
            String lost = "{\"team\": \"a set the dictionary lost\"}";
            List<TagSet> sets = List.of(new TagSet(loaded.get(0), new BigDecimal("5.00"), false),
                    new TagSet(loaded.get(2), new BigDecimal("3.00"), true), new TagSet(lost, new BigDecimal("2.00"), false),
                    new TagSet("{}", new BigDecimal("1.00"), false));
            UUID setId = UUID.randomUUID();
            String partition = "cost_daily_tag_sets_" + setId.toString().replace("-", "");
            db.sql("CREATE TABLE " + partition + " (LIKE cost_daily_tag_sets INCLUDING DEFAULTS)").update();
            db.sql("ALTER TABLE cost_daily_tag_sets ATTACH PARTITION " + partition + " FOR VALUES IN ('" + setId + "')").update();
            for (TagSet s : sets) {
                db.sql("INSERT INTO cost_daily_tag_sets (tenant_id, source_id, billing_period, day, provider, billing_currency, tags,"
                                + " billed_cost, effective_cost, list_cost, contracted_cost, row_count, set_id) VALUES (?, ?, ?::date, ?::date,"
                                + " 'AWS', 'USD', ?::jsonb, ?, ?, 0, 0, 1, coalesce(?::uuid, '00000000-0000-0000-0000-000000000000'))")
                        .params(tenant, source, "2026-10-01", DAY, s.json(), s.cost(), s.cost(), s.inSet() ? setId : null).update();
            }

            Migrations.upTo(ds, "45");

            Map<String, BigDecimal> keyed = new HashMap<>();
            Map<String, Integer> keys = new HashMap<>();
            db.sql("SELECT coalesce(j.value::text, '(no key)') AS v, t.tags_key, t.billed_cost FROM cost_daily_tag_sets t"
                            + " LEFT JOIN billing_json j ON j.tenant_id = t.tenant_id AND j.id = t.tags_key WHERE t.tenant_id = ?")
                    .param(tenant).query(rs -> {
                        keyed.put(rs.getString("v"), rs.getBigDecimal("billed_cost"));
                        keys.put(rs.getString("v"), (Integer) rs.getObject("tags_key"));
                    });
            Map<String, BigDecimal> expected = new HashMap<>();
            for (TagSet s : sets) {
                expected.put(s.json().equals("{}") ? "(no key)" : jsonb(db, s.json()), s.cost());
            }
            assertThat(keyed).as("each set's tags by its key; no tags, no key").isEqualTo(expected);
            assertThat(keys.get(jsonb(db, loaded.get(0)))).as("the lower id of one JSON written two ways")
                    .isEqualTo(Math.min(ids.get(loaded.get(0)), ids.get(loaded.get(1))));
            assertThat(db.sql("SELECT j.value::text FROM " + partition + " t JOIN billing_json j ON j.tenant_id = t.tenant_id"
                    + " AND j.id = t.tags_key").query(String.class).single()).as("a set partition's rows too").isEqualTo(jsonb(db, loaded.get(2)));
            assertThat(db.sql("SELECT count(*) FROM billing_json WHERE tenant_id = ? AND value = ?::jsonb").params(tenant, lost)
                    .query(Long.class).single()).as("the set the dictionary lacked is added").isEqualTo(1);
            assertThat(db.sql("SELECT to_regclass('v45_billing_json_value') IS NULL").query(Boolean.class).single())
                    .as("the migration's index is gone").isTrue();
        }
    }

    /** How PostgreSQL prints {@code json} as jsonb. */
    private static String jsonb(JdbcClient db, String json) {
        return db.sql("SELECT ?::jsonb::text").param(json).query(String.class).single();
    }
}
