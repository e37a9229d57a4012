package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of billing_chunks, one per load. A load that is no longer current (replaced by a newer
 * sync, or its source removed) leaves its table attached but unread; this drops such tables:
 * detached concurrently, so readers are never blocked, then dropped whole: no dead rows.
 */
public final class BillingPartitions {
    private static final Logger log = LoggerFactory.getLogger(BillingPartitions.class);
    private static final String PREFIX = "billing_chunks_";
    private static final String WAIT_FOR_READERS = "2s";

    private BillingPartitions() {
    }

    static String tableOf(UUID loadId) {
        return PREFIX + loadId.toString().replace("-", "");
    }

    /**
     * Best effort: a table that cannot be dropped now (a reader, another replica doing the same)
     * is left for the next call; readers never see it either way. A detach waits for every open
     * reader of billing_chunks, an export streams for minutes, and while it waits it holds the lock
     * every other sync's swap needs: so it waits {@link #WAIT_FOR_READERS} at most, and a table
     * still being read stays detach-pending for a later sync to finish.
     *
     * @return tables dropped
     */
    public static int dropRetired(DataSource dataSource) {
        int dropped = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true); // DETACH ... CONCURRENTLY cannot run inside a transaction
            try (Statement st = c.createStatement()) {
                st.execute("SET lock_timeout = '" + WAIT_FOR_READERS + "'");
                for (Attached t : retired(c)) {
                    try {
                        st.execute("ALTER TABLE billing_chunks DETACH PARTITION " + t.name() + (t.pending() ? " FINALIZE" : " CONCURRENTLY"));
                        st.execute("DROP TABLE " + t.name());
                        dropped++;
                    } catch (SQLException e) {
                        // Only one table may be pending detach at a time: the rest wait for it.
                        log.info("retired billing table {} and any after it stay for now: {}", t.name(), e.getMessage());
                        break;
                    }
                }
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("RESET lock_timeout"); // the connection goes back to the pool
                }
            }
        } catch (SQLException e) {
            log.warn("cannot drop retired billing tables now; the next sync will: {}", e.getMessage());
        }
        return dropped;
    }

    private record Attached(String name, boolean pending) {
    }

    /** Tables of billing_chunks whose load is not current: replaced, or of a removed source. */
    private static List<Attached> retired(Connection c) throws SQLException {
        List<Attached> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.relname, i.inhdetachpending"
                + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'billing_chunks'::regclass"
                + " AND NOT EXISTS (SELECT 1 FROM billing_loads l WHERE l.state = 'current'"
                + " AND c.relname = '" + PREFIX + "' || replace(l.id::text, '-', ''))"
                // the one left pending first: no other can be detached until it is
                + " ORDER BY i.inhdetachpending DESC, c.relname")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(PREFIX)) {
                    tables.add(new Attached(rs.getString(1), rs.getBoolean(2)));
                }
            }
        }
        return tables;
    }
}
