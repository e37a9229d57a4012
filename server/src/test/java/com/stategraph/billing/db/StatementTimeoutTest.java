package com.stategraph.billing.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ServerTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every statement the API runs has a time limit; the work that may rightly take long (syncs,
 * migrations) runs on the background pool, which has none.
 */
class StatementTimeoutTest extends ServerTest {
    @Autowired
    BackgroundDatabase background;

    @Autowired
    Flyway flyway;

    @Value("${stategraph.api.statement-timeout}")
    java.time.Duration configured;

    @Test
    void apiConnectionsAreLimitedAndBackgroundOnesAreNot() {
        String api = jdbc.sql("SHOW statement_timeout").query(String.class).single();
        assertThat(api).isEqualTo(configured.toSeconds() + "s");
        assertThat(background.jdbc().sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("0");
        assertThat(flyway.getConfiguration().getDataSource()).as("migrations run on the background pool")
                .isSameAs(background.dataSource());
    }
}
