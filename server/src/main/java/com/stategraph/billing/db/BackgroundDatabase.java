package com.stategraph.billing.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connections of their own for the work that must go on whatever the API is asked: db-scheduler's
 * polling and heartbeats, the syncs, and the health check. HTTP requests never take these, so a
 * flood of questions cannot stall a sync, miss a heartbeat, or make the server look dead.
 *
 * <p>Not a {@link DataSource} bean on purpose: Spring's own JDBC beans stay on the API pool.
 */
public final class BackgroundDatabase implements AutoCloseable {
    private final HikariDataSource syncs;
    private final HikariDataSource health;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    private BackgroundDatabase(HikariDataSource syncs, HikariDataSource health) {
        this.syncs = syncs;
        this.health = health;
        this.jdbc = JdbcClient.create(syncs);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(syncs));
    }

    /**
     * Each sync holds one connection for its load and briefly another for its progress; the
     * scheduler polls and beats its heart on a third or fourth.
     */
    static BackgroundDatabase open(ExternalDatabase target, int syncThreads) {
        HikariDataSource syncs = Pools.create(target, "stategraph-background", 2 * syncThreads + 3);
        HikariDataSource health = Pools.create(target, "stategraph-health", 2);
        // A health check answers within a second or says the database is down; it never queues behind anything.
        health.setConnectionTimeout(1_000);
        health.setMinimumIdle(1);
        return new BackgroundDatabase(syncs, health);
    }

    public DataSource dataSource() {
        return syncs;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public TransactionTemplate tx() {
        return tx;
    }

    public DataSource healthDataSource() {
        return health;
    }

    @Override
    public void close() {
        syncs.close();
        health.close();
    }
}
