package com.stategraph.billing.db;

import com.zaxxer.hikari.HikariDataSource;

/** Every pool of the server connects alike; only their names and sizes differ. */
final class Pools {
    private Pools() {
    }

    static HikariDataSource create(ExternalDatabase target, String name, int size) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
            ds.setUsername(target.user());
        }
        if (target.password() != null) {
            ds.setPassword(target.password());
        }
        ds.setMaximumPoolSize(size);
        // A failed statement's message must not quote the values it was given (state attributes, secrets in
        // them): pgjdbc otherwise copies the server's DETAIL, which holds the offending row, into the exception.
        ds.addDataSourceProperty("logServerErrorDetail", "false");
        // Billing days and months are UTC; the session must not follow whatever zone the JVM runs in.
        ds.setConnectionInitSql("SET TIME ZONE 'UTC'");
        ds.setPoolName(name);
        return ds;
    }
}
