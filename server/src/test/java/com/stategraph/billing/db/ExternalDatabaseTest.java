package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalDatabaseTest {

    @Test
    void noSettingsMeansTheEmbeddedDatabase() {
        assertThat(ExternalDatabase.fromEnvironment(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void postgresUrlsBecomeJdbcWithDecodedCredentials() {
        var db = ExternalDatabase.fromEnvironment(Map.of("STATEGRAPH_DATABASE_URL",
                "postgres://billing:p%40ss%3Aword@db.internal:6543/stategraph?sslmode=require")::get).orElseThrow();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/stategraph?sslmode=require");
        assertThat(db.user()).isEqualTo("billing");
        assertThat(db.password()).isEqualTo("p@ss:word");
        assertThat(db.toString()).doesNotContain("p@ss");
    }

    @Test
    void jdbcUrlsPassThrough() {
        var db = ExternalDatabase.fromEnvironment(Map.of("STATEGRAPH_DATABASE_URL",
                "jdbc:postgresql://h:5432/d?user=u&password=secret")::get).orElseThrow();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d?user=u&password=secret");
        assertThat(db.toString()).doesNotContain("secret");
    }

    @Test
    void stategraphDbVariablesWork() {
        var db = ExternalDatabase.fromEnvironment(Map.of("DB_HOST", "pg", "DB_PORT", "5433", "DB_USER", "sg",
                "DB_PASS", "pw", "DB_NAME", "billing")::get).orElseThrow();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5433/billing");
        assertThat(db.user()).isEqualTo("sg");
        assertThat(db.password()).isEqualTo("pw");
    }

    @Test
    void theDatabaseUrlWinsOverDbHost() {
        var db = ExternalDatabase.fromEnvironment(Map.of("STATEGRAPH_DATABASE_URL", "postgresql://a/b", "DB_HOST", "other")::get)
                .orElseThrow();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://a:5432/b");
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> ExternalDatabase.fromEnvironment(Map.of("STATEGRAPH_DATABASE_URL", "mysql://x/y")::get))
                .hasMessageContaining("must start with");
    }
}
