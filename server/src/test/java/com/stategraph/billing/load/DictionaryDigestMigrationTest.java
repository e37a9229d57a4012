package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V43 keeps 16 bytes of each dictionary value's digest instead of 32: the values written before it
 * keep their ids (the billing rows point at them), and a load after it finds them again rather than
 * adding a second copy.
 */
class DictionaryDigestMigrationTest {
    @Test
    void valuesWrittenBeforeKeepTheirIdsAndAreFoundAgain() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "42");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 't')").param(tenant).update();
            List<String> texts = List.of("USD", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc", "Zürich ☃", "x".repeat(5000));
            List<String> jsons = List.of("{\"team\": \"a\"}", "{\"owner\": \"Jürg\", \"n\": 1}");
            // As the loader wrote them before V43: the whole SHA-256 of the value's UTF-8 text.
            for (String v : texts) {
                db.sql("INSERT INTO billing_strings (tenant_id, digest, value) VALUES (?, sha256(convert_to(?, 'UTF8')), ?)")
                        .params(tenant, v, v).update();
            }
            for (String v : jsons) {
                db.sql("INSERT INTO billing_json (tenant_id, digest, value) VALUES (?, sha256(convert_to(?, 'UTF8')), ?::jsonb)")
                        .params(tenant, v, v).update();
            }
            Map<String, Integer> textIds = ids(db, "billing_strings", tenant);
            Map<String, Integer> jsonIds = ids(db, "billing_json", tenant);
            assertThat(textIds).hasSize(texts.size());

            Migrations.upTo(ds, "43");

            assertThat(ids(db, "billing_strings", tenant)).isEqualTo(textIds);
            assertThat(db.sql("SELECT count(*) FROM billing_strings WHERE digest <> dictionary_digest(value)").query(Long.class).single())
                    .as("every digest is the one a load computes now").isZero();
            StringDictionary dictionary = new StringDictionary(ds, tenant);
            dictionary.ensure(StringDictionary.Kind.TEXT, List.of(texts.get(1), "a value new after V43", texts.get(3)));
            assertThat(dictionary.cached(StringDictionary.Kind.TEXT, texts.get(1))).isEqualTo(textIds.get(texts.get(1)));
            assertThat(dictionary.cached(StringDictionary.Kind.TEXT, texts.get(3))).isEqualTo(textIds.get(texts.get(3)));
            assertThat(dictionary.cached(StringDictionary.Kind.TEXT, "a value new after V43")).isNotIn(textIds.values());
            dictionary.ensure(StringDictionary.Kind.JSON, jsons);
            for (String v : jsons) {
                assertThat(dictionary.cached(StringDictionary.Kind.JSON, v)).isEqualTo(jsonIds.get(normalised(db, v)));
            }
            assertThat(db.sql("SELECT count(*) FROM billing_strings").query(Long.class).single()).isEqualTo(texts.size() + 1);
            assertThat(db.sql("SELECT count(*) FROM billing_json").query(Long.class).single()).isEqualTo(jsons.size());
        }
    }

    private static Map<String, Integer> ids(JdbcClient db, String table, UUID tenant) {
        return db.sql("SELECT value::text AS v, id FROM " + table + " WHERE tenant_id = ?").param(tenant)
                .query((rs, n) -> Map.entry(rs.getString("v"), rs.getInt("id"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** jsonb prints a value its own way; the ids above are keyed by that text. */
    private static String normalised(JdbcClient db, String json) {
        return db.sql("SELECT ?::jsonb::text").param(json).query(String.class).single();
    }
}
