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
    static final List<String> SUMS = List.of("billed_cost", "effective_cost", "list_cost", "contracted_cost", "row_count");

    private RollupDiff() {
    }

    /** The sums of a rollup, per key, for a {@code GROUP BY} of its keys. */
    static String summed() {
        return String.join(", ", SUMS.stream().map(c -> "sum(" + c + ") AS " + c).toList());
    }

    /** A table's columns in their order. */
    static List<String> columnsOf(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass"
                + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /**
     * Makes the rows of {@code table} matched by {@code scope} (a condition on alias {@code t}, with
     * {@code params}) the rows of {@code next}: a temporary table with {@code columns}, one row per key.
     * Rows are compared whole, by their text, so NULLs compare equal and a sum written with other
     * digits counts as changed.
     */
    static void apply(Connection c, String table, String next, List<String> columns, String scope, Object... params)
            throws SQLException {
        String list = String.join(", ", columns);
        String rowOfT = row("t", columns);
        String rowOfN = row("n", columns);
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE " + next);
        }
        update(c, "DELETE FROM " + table + " t WHERE " + scope + " AND NOT EXISTS (SELECT 1 FROM " + next + " n WHERE "
                + rowOfN + " = " + rowOfT + ")", params);
        update(c, "INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + next + " n WHERE NOT EXISTS (SELECT 1 FROM "
                + table + " t WHERE " + scope + " AND " + rowOfT + " = " + rowOfN + ")", params);
        // Every row left matches a new one and every new one is there, so equal counts mean no key twice:
        // rollups written before this diff could hold a key more than once (partial sums).
        if (count(c, "SELECT count(*) FROM " + table + " t WHERE " + scope, params) != count(c, "SELECT count(*) FROM " + next)) {
            log.info("{}: a key stored more than once; the scope is rewritten whole", table);
            update(c, "DELETE FROM " + table + " t WHERE " + scope, params);
            update(c, "INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + next);
        }
    }

    private static String row(String alias, List<String> columns) {
        return "ROW(" + String.join(", ", columns.stream().map(c -> alias + "." + c).toList()) + ")::text";
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
