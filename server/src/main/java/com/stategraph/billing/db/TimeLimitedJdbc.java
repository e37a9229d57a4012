package com.stategraph.billing.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.jdbc.PgStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements the driver cancels once they run past a timeout (PostgreSQL then answers SQLSTATE
 * 57014, as for {@code statement_timeout}). A single read needs no transaction around it to be
 * limited: setting {@code statement_timeout} locally costs a transaction and two more round
 * trips per question, which is most of what a question answered from the rollups costs.
 */
public final class TimeLimitedJdbc {
    private TimeLimitedJdbc() {
    }

    public static JdbcClient client(DataSource db, Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        JdbcTemplate template = new JdbcTemplate(db) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                // JDBC's own setQueryTimeout counts whole seconds; the driver's takes milliseconds.
                statement.unwrap(PgStatement.class).setQueryTimeoutMs(millis);
            }
        };
        return JdbcClient.create(template);
    }
}
