package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a scope of a rollup table (a source's billing periods, a tenant's months) by new rows,
 * deleting only the rows that are gone or changed and inserting only the new or changed ones. A
 * daily re-sync of an export whose sums did not change then writes nothing: no dead rows, no index
 * entries, no WAL; and a row that did change leaves one dead row, which the vacuum after the sync
 * makes reusable by the next.
 */
final class RollupDiff {
    private static final Logger log = LoggerFactory.getLogger(RollupDiff.class);
    /** The summed columns of every rollup; the others are its key. */
    private static final String OLD = "rollup_stored";
    static final List<String> SUMS = List.of("billed_cost", "effective_cost", "list_cost", "contracted_cost", "row_count");

    private RollupDiff() {
    }

    /** The sums of a rollup, per key, for a {@code GROUP BY} of its keys. */
    static String summed() {
        return String.join(", ", SUMS.stream().map(c -> "sum(" + c + ")" + (c.equals("row_count") ? "::bigint" : "") + " AS " + c)
                .toList());
    }

    /** A column of a rollup: its name, whether it is numeric, whether it may be NULL, whether it is text. */
    record Column(String name, boolean numeric, boolean nullable, boolean text) {
    }

    /** A table's columns in their order; a rollup's set ({@link RollupSets}) says where a row is kept, not what it is. */
    static List<Column> columnsOf(Connection c, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT attname, atttypid = 'numeric'::regtype, NOT attnotnull,"
                + " atttypid = 'text'::regtype FROM pg_attribute"
                + " WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'set_id' ORDER BY attnum")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)));
                }
            }
        }
        return columns;
    }

    /**
     * Makes the rows of {@code table} matched by {@code scope} (a condition on alias {@code t}, with
     * {@code params}) the rows of {@code next}: a temporary table with {@code columns}, one row per key.
     * Rows are compared column by column: NULLs compare equal, and a sum written with other digits
     * (1.5 for 1.50) counts as changed.
     */
    static void apply(Connection c, String table, String next, List<Column> columns, String scope, Object... params)
            throws SQLException {
        String list = String.join(", ", columns.stream().map(Column::name).toList());
        String same = same(columns);
        // The stored rows of the scope, with where each is, into a table of this transaction: both sides
        // of the comparison are then freshly analyzed (right after a sync the rollup's own statistics
        // may say the scope is empty, and PostgreSQL once compared 45,000 x 45,000 rows one by one).
        long stored = update(c, "CREATE TEMPORARY TABLE " + OLD + " ON COMMIT DROP AS SELECT t.ctid AS stored_at, t.* FROM " + table
                + " t WHERE " + scope, params);
        if (stored == 0) {
            // A scope's first rows (a new source, a new month): every new row goes in, and there is nothing to
            // compare, so neither side needs analyzing (about 0.5 s of a usual sync's commit).
            update(c, "INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + next);
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE " + OLD);
            }
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE " + OLD);
            st.execute("ANALYZE " + next);
        }
        long deleted = update(c, "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY(SELECT t.stored_at FROM " + OLD + " t"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + next + " n WHERE " + same + ")))");
        long inserted = update(c, "INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + next + " n"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + OLD + " t WHERE " + same + ")");
        // Every row kept matches a new one and every new one is there, so the counts agree unless a
        // key was stored twice (rollups written before this diff could hold partial sums).
        if (stored - deleted + inserted != count(c, "SELECT count(*) FROM " + next)) {
            log.info("{}: a key stored more than once; the scope is rewritten whole", table);
            update(c, "DELETE FROM " + table + " t WHERE " + scope, params);
            update(c, "INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + next);
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE " + OLD);
        }
    }

    /**
     * Rows {@code n} and {@code t} are equal: every condition is an equality PostgreSQL can hash on,
     * so each side is read once (a text of the whole row costs several times more per row).
     */
    private static String same(List<Column> columns) {
        List<String> conditions = new ArrayList<>();
        for (Column col : columns) {
            String n = "n." + col.name();
            String t = "t." + col.name();
            if (col.numeric()) {
                conditions.add(n + " = " + t + " AND scale(" + n + ") = scale(" + t + ")");
            } else if (col.nullable()) {
                // '' (or 0 for a dictionary id, the other type that may be NULL) stands in for NULL in the hash, and the
                // second test tells them apart.
                String blank = col.text() ? "''" : "0";
                conditions.add("coalesce(" + n + ", " + blank + ") = coalesce(" + t + ", " + blank + ") AND (" + n + " IS NULL) = ("
                        + t + " IS NULL)");
            } else {
                conditions.add(n + " = " + t);
            }
        }
        return String.join(" AND ", conditions);
    }

    /** Runs {@code sql} with {@code params}. @return rows changed */
    static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeLargeUpdate();
        }
    }

    /** Runs the query {@code sql} with {@code params}. @return its first row's first column as text; null without a row */
    static String text(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
