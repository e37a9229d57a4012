package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * Tables attached to a partitioned parent, one per load (billing_chunks) or per set of a large
 * period's rollup ({@link RollupSets}). A table no longer current (replaced by a newer sync,
 * or its source removed) stays attached but unread; this drops such tables: detached concurrently,
 * so readers are never blocked, then dropped whole: no dead rows.
 *
 * @param parent  the partitioned table
 * @param prefix  its tables' names: the prefix, then their id's hex digits
 * @param current a query of the current ids, as uuid
 */
public record BillingPartitions(String parent, String prefix, String current) {
    private static final Logger log = LoggerFactory.getLogger(BillingPartitions.class);
    private static final String WAIT_FOR_READERS = "2s";
    static final BillingPartitions LOADS = new BillingPartitions("billing_chunks", "billing_chunks_",
            "SELECT id FROM billing_loads WHERE state = 'current'");

    /** A rollup's sets: its tables are named after the rollup, the current ones listed in rollup_sets. */
    static BillingPartitions rollupSets(String rollup) {
        return new BillingPartitions(rollup, rollup + "_set_", "SELECT set_id FROM rollup_sets WHERE rollup = '" + rollup + "'");
    }

    String tableOf(UUID id) {
        return prefix + id.toString().replace("-", "");
    }

    /** A new, empty set table for {@code id} (the set families are partitioned by set_id), shaped as the parent. @return its name */
    String create(Connection c, UUID id) throws SQLException {
        String table = tableOf(id);
        try (Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE " + table + " (LIKE " + parent + " INCLUDING DEFAULTS)");
            // the constraint spares the attach a scan of the new table
            ddl.execute("ALTER TABLE " + table + " ADD CHECK (set_id = '" + id + "'::uuid)");
        }
        return table;
    }

    /**
     * Attaches {@code id}'s table once written, building the parent's indexes on it. SHARE UPDATE
     * EXCLUSIVE on the parent: readers go on, and see the table once the transaction commits.
     */
    void attach(Connection c, UUID id) throws SQLException {
        try (Statement ddl = c.createStatement()) {
            ddl.execute("ALTER TABLE " + parent + " ATTACH PARTITION " + tableOf(id) + " FOR VALUES IN ('" + id + "')");
            ddl.execute("ANALYZE " + tableOf(id));
        }
    }

    /**
     * Whether {@code id}'s table holds exactly the rows of {@code rows} (a table) matching {@code where}
     * (one parameter): as many, and none of them missing from it, compared by {@code columns} (a
     * select list; sums cast to text compare as written: 1.5 and 1.50 differ).
     */
    boolean holdsExactly(Connection c, UUID id, String rows, String where, Object param, String columns) throws SQLException {
        String table = tableOf(id);
        try (PreparedStatement q = c.prepareStatement("SELECT (SELECT count(*) FROM " + table + ") = (SELECT count(*) FROM " + rows
                + " WHERE " + where + ") AND NOT EXISTS (SELECT " + columns + " FROM " + rows + " WHERE " + where
                + " EXCEPT SELECT " + columns + " FROM " + table + ")")) {
            q.setObject(1, param);
            q.setObject(2, param);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The retired tables of every family: billing loads, then the rollups'. @return tables dropped */
    public static int dropRetired(DataSource dataSource) {
        int dropped = LOADS.dropRetiredOf(dataSource);
        for (String rollup : RollupSets.TABLES) {
            dropped += rollupSets(rollup).dropRetiredOf(dataSource);
        }
        return dropped;
    }

    /**
     * Best effort: a table that cannot be dropped now (a reader, another replica doing the same)
     * is left for the next call; readers never see it either way. A detach waits for every open
     * reader of the parent, an export streams for minutes, and while it waits it holds the lock
     * every other sync's swap needs: so it waits {@link #WAIT_FOR_READERS} at most, and a table
     * still being read stays detach-pending for a later sync to finish.
     *
     * @return tables dropped
     */
    int dropRetiredOf(DataSource dataSource) {
        int dropped = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true); // DETACH ... CONCURRENTLY cannot run inside a transaction
            try (Statement st = c.createStatement()) {
                st.execute("SET lock_timeout = '" + WAIT_FOR_READERS + "'");
                for (Attached t : retired(c)) {
                    try {
                        st.execute("ALTER TABLE " + parent + " DETACH PARTITION " + t.name() + (t.pending() ? " FINALIZE" : " CONCURRENTLY"));
                        st.execute("DROP TABLE " + t.name());
                        dropped++;
                    } catch (SQLException e) {
                        // Only one table may be pending detach at a time: the rest wait for it.
                        log.info("retired table {} and any after it stay for now: {}", t.name(), e.getMessage());
                        break;
                    }
                }
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("RESET lock_timeout"); // the connection goes back to the pool
                }
            }
        } catch (SQLException e) {
            log.warn("cannot drop retired tables of {} now; the next sync will: {}", parent, e.getMessage());
        }
        return dropped;
    }

    private record Attached(String name, boolean pending) {
    }

    /** The parent's tables whose id is not current. */
    private List<Attached> retired(Connection c) throws SQLException {
        List<Attached> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.relname, i.inhdetachpending"
                + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '" + parent + "'::regclass"
                + " AND NOT EXISTS (SELECT 1 FROM (" + current + ") AS now_current (id)"
                + " WHERE c.relname = '" + prefix + "' || replace(now_current.id::text, '-', ''))"
                // the one left pending first: no other can be detached until it is
                + " ORDER BY i.inhdetachpending DESC, c.relname")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(prefix)) {
                    tables.add(new Attached(rs.getString(1), rs.getBoolean(2)));
                }
            }
        }
        return tables;
    }
}
