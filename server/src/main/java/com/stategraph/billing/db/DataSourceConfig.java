package com.stategraph.billing.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
public class DataSourceConfig {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(Environment env, @Value("${stategraph.data-dir}") Path dataDir,
                                  @Value("${stategraph.embedded.start-timeout}") Duration startWait) {
        return ExternalDatabase.fromEnvironment(env::getProperty)
                .map(DatabaseServer::external)
                .orElseGet(() -> DatabaseServer.embedded(dataDir, startWait));
    }

    /**
     * The API's pool. Closed before the database server, since it depends on it. A request that
     * cannot get a connection within {@code STATEGRAPH_DATABASE_WAIT} is answered 503 BUSY, and
     * no statement of it runs longer than {@code STATEGRAPH_API_STATEMENT_TIMEOUT} (cost questions
     * have the shorter {@code STATEGRAPH_API_QUERY_TIMEOUT}).
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server,
                                @Value("${stategraph.database.pool-size}") int poolSize,
                                @Value("${stategraph.database.wait}") Duration wait,
                                @Value("${stategraph.api.statement-timeout}") Duration statementTimeout) {
        HikariDataSource ds = Pools.create(server.target(), "stategraph", poolSize);
        ds.setConnectionTimeout(Math.max(250, wait.toMillis()));
        ds.setConnectionInitSql(ds.getConnectionInitSql() + "; SET statement_timeout = " + statementTimeout.toMillis());
        return ds;
    }

    /** Migrations may take long on a large store; they run on the background pool, which has no statement timeout. */
    @Bean
    FlywayConfigurationCustomizer migrationsOnTheBackgroundPool(BackgroundDatabase background) {
        return configuration -> configuration.dataSource(background.dataSource());
    }

    @Bean(destroyMethod = "close")
    BackgroundDatabase backgroundDatabase(DatabaseServer server, @Value("${stategraph.sync.threads}") int syncThreads) {
        return BackgroundDatabase.open(server.target(), syncThreads);
    }

    /** Replaces Spring's check on the API pool, which waits behind every request when the API is busy. */
    @Bean
    DataSourceHealthIndicator dbHealthIndicator(BackgroundDatabase background) {
        return new DataSourceHealthIndicator(background.healthDataSource(), "SELECT 1");
    }
}
