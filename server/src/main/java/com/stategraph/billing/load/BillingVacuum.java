package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reclaims the rows a sync replaced as soon as it commits, instead of leaving them to autovacuum:
 * after a crash PostgreSQL's statistics are reset and autovacuum does not know they are there, so
 * each re-sync would grow the table by a whole window. Vacuum skips the pages nothing changed.
 */
public final class BillingVacuum {
    private static final Logger log = LoggerFactory.getLogger(BillingVacuum.class);
    /**
     * billing_chunks is not among them: a replaced load's table is dropped whole ({@link BillingPartitions}).
     * billing_chunks_small is: a replaced small load's chunks are deleted.
     */
    static final String TABLES = "billing_loads, billing_chunks_small, cost_month_top_resources, "
            + String.join(", ", Rollups.TABLES);

    private BillingVacuum() {
    }

    /** Best effort: a vacuum that cannot run now (a lock, a shutdown) leaves the work to autovacuum. */
    public static void afterReplace(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true); // VACUUM cannot run inside a transaction
            st.execute("VACUUM (SKIP_LOCKED, ANALYZE) " + TABLES);
        } catch (SQLException e) {
            log.warn("vacuum after a sync failed; autovacuum will reclaim the replaced rows: {}", e.getMessage());
        }
    }
}
