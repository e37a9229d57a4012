package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The resource rollup ({@code cost_monthly_resources}) keeps each resource by the id the tenant's
 * dictionary gives its ResourceId, as the billing rows do, not by the text (V44). A load stages the
 * text, as it reads it; at commit the staged sums are summed per key and each ResourceId is swapped
 * for its id. Every ResourceId of the load is in the dictionary by then (each chunk's strings are
 * stored before its rows are copied), so one that is not is a fault, not a value to drop.
 */
final class ResourceKeys {
    /** The rollup's column: the ResourceId's id in {@code billing_strings}, NULL for a line without one. */
    static final String KEY = "resource_key";
    /** The staged column: the ResourceId as read. */
    static final String TEXT = "resource_id";
    private static final String UNRESOLVED = "unresolved_resource_id";

    private ResourceKeys() {
    }

    /** Gives {@code stage}, a copy of the rollup's columns, the column the load writes the ResourceId's text to. */
    static void addText(Statement st, String stage) throws SQLException {
        st.execute("ALTER TABLE " + stage + " ADD COLUMN " + TEXT + " text");
    }

    /**
     * Creates {@code next}: the staged sums, one row per key ({@code keys}, the rollup's key columns),
     * each ResourceId as its id. It has one more column, unread by the rollup's writes.
     */
    static void sum(Connection c, String stage, String next, List<String> keys) throws SQLException {
        String staged = keys.stream().map(k -> k.equals(KEY) ? TEXT : k).collect(Collectors.joining(", "));
        String selected = keys.stream().map(k -> k.equals(KEY) ? "d.id AS " + KEY : "g." + k).collect(Collectors.joining(", "));
        String sums = RollupDiff.SUMS.stream().map(s -> "g." + s).collect(Collectors.joining(", "));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE " + next + " ON COMMIT DROP AS SELECT " + selected + ", " + sums
                    + ", CASE WHEN d.id IS NULL THEN g." + TEXT + " END AS " + UNRESOLVED
                    + " FROM (SELECT " + staged + ", " + RollupDiff.summed() + " FROM " + stage + " GROUP BY " + staged + ") g"
                    + " LEFT JOIN billing_strings d ON d.tenant_id = g.tenant_id AND d.digest = dictionary_digest(g." + TEXT + ")");
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + UNRESOLVED + " FROM " + next + " WHERE " + UNRESOLVED
                + " IS NOT NULL LIMIT 1"); ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                throw new SQLException("ResourceId '" + rs.getString(1) + "' is not in the tenant's dictionary (billing_strings)");
            }
        }
    }
}
