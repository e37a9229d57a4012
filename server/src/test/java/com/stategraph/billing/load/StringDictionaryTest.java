package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new value's id comes back from its insert, matched to the value by its digest, which Java
 * computes as {@code dictionary_digest} does and sends with it; a value already stored is looked up
 * by that digest. Either way each value gets the id the database holds for it.
 */
class StringDictionaryTest {
    @Test
    void everyValueGetsTheIdTheDatabaseHoldsForItNewOrNot() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "latest");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 't')").param(tenant).update();
            List<String> texts = List.of("", "USD", "Zürich ☃ 東京", "emoji \uD83D\uDE80", "x".repeat(5000), "tab\there",
                    "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc");
            for (String v : texts) {
                assertThat(StringDictionary.digest(StringDictionary.sha256(), v))
                        .as("Java's digest of '%s' is PostgreSQL's", v.length() > 40 ? v.substring(0, 40) : v)
                        .isEqualTo(db.sql("SELECT dictionary_digest(?)").param(v).query(UUID.class).single());
            }
            // Two values stored before, by another load; the rest are new.
            db.sql("INSERT INTO billing_strings (tenant_id, digest, value) SELECT ?, dictionary_digest(v), v FROM unnest(?::text[]) v")
                    .params(tenant, new String[] {texts.get(1), texts.get(4)}).update();
            StringDictionary dictionary = new StringDictionary(ds, tenant);
            dictionary.ensure(StringDictionary.Kind.TEXT, texts);
            for (String v : texts) {
                assertThat(dictionary.cached(StringDictionary.Kind.TEXT, v))
                        .isEqualTo(db.sql("SELECT id FROM billing_strings WHERE tenant_id = ? AND value = ?").params(tenant, v)
                                .query(Integer.class).single());
            }
            List<String> jsons = new ArrayList<>(List.of("{\"team\": \"a\"}", "{\"team\":\"a\"}", "{\"owner\": \"Jürg\", \"n\": 1}"));
            dictionary.ensure(StringDictionary.Kind.JSON, jsons);
            for (String v : jsons) {
                assertThat(dictionary.cached(StringDictionary.Kind.JSON, v)).as(v)
                        .isEqualTo(db.sql("SELECT id FROM billing_json WHERE tenant_id = ? AND digest = dictionary_digest(?)").params(tenant, v)
                                .query(Integer.class).single());
            }
            assertThat(dictionary.cached(StringDictionary.Kind.JSON, jsons.get(0)))
                    .as("two texts of one JSON are two values: each keeps the text it was read as")
                    .isNotEqualTo(dictionary.cached(StringDictionary.Kind.JSON, jsons.get(1)));
            assertThat(db.sql("SELECT count(*) FROM billing_strings").query(Long.class).single()).isEqualTo(texts.size());
            assertThat(db.sql("SELECT count(*) FROM billing_strings WHERE digest <> dictionary_digest(value)").query(Long.class).single())
                    .as("the digests stored with the values, as Java sent them, are PostgreSQL's own").isZero();
        }
    }
}
