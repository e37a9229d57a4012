package com.stategraph.billing.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
public class DataSourceConfig {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(Environment env, @Value("${stategraph.data-dir}") Path dataDir,
                                  @Value("${stategraph.embedded.start-timeout}") java.time.Duration startWait) {
        return ExternalDatabase.fromEnvironment(env::getProperty)
                .map(DatabaseServer::external)
                .orElseGet(() -> DatabaseServer.embedded(dataDir, startWait));
    }

    /** Closed before the database server, since it depends on it. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server,
                                @Value("${stategraph.database.pool-size}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.target().jdbcUrl());
        if (server.target().user() != null) {
            ds.setUsername(server.target().user());
        }
        if (server.target().password() != null) {
            ds.setPassword(server.target().password());
        }
        ds.setMaximumPoolSize(poolSize);
        // Billing days and months are UTC; the session must not follow whatever zone the JVM runs in.
        ds.setConnectionInitSql("SET TIME ZONE 'UTC'");
        ds.setPoolName("stategraph");
        return ds;
    }
}
