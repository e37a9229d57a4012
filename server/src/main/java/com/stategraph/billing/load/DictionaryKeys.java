package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rollup that keeps a value by the id the tenant's dictionary gives it, as the billing rows do,
 * not by its text: the resource of {@code cost_monthly_resources} (V44), the tag set of
 * {@code cost_daily_tag_sets} (V45). A load stages the text, as it reads it; at commit the staged
 * sums are summed per key and each text is swapped for its id. Every such value of the load is in
 * the dictionary by then (each chunk's strings are stored before its rows are copied), so one that
 * is not is a fault, not a value to drop.
 *
 * @param key the rollup's column: the value's id, NULL where the line has none
 * @param text the staged column: the value as read
 * @param dictionary {@code billing_strings} or {@code billing_json}
 */
record DictionaryKeys(String key, String text, String dictionary) {
    static final DictionaryKeys RESOURCE = new DictionaryKeys("resource_key", "resource_id", "billing_strings");
    static final DictionaryKeys TAG_SET = new DictionaryKeys("tags_key", "tags", "billing_json");
    private static final String UNRESOLVED = "unresolved_text";

    /** Gives {@code stage}, a copy of the rollup's columns, the column the load writes the text to. */
    void addText(Statement st, String stage) throws SQLException {
        st.execute("ALTER TABLE " + stage + " ADD COLUMN " + text + " text");
    }

    /**
     * Creates {@code next}: the staged sums, one row per key ({@code keys}, the rollup's key columns),
     * each text as its id. It has one more column, unread by the rollup's writes.
     */
    void sum(Connection c, String stage, String next, List<String> keys) throws SQLException {
        String staged = keys.stream().map(k -> k.equals(key) ? text : k).collect(Collectors.joining(", "));
        String selected = keys.stream().map(k -> k.equals(key) ? "d.id AS " + key : "g." + k).collect(Collectors.joining(", "));
        String sums = RollupDiff.SUMS.stream().map(s -> "g." + s).collect(Collectors.joining(", "));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE " + next + " ON COMMIT DROP AS SELECT " + selected + ", " + sums
                    + ", CASE WHEN d.id IS NULL THEN g." + text + " END AS " + UNRESOLVED
                    + " FROM (SELECT " + staged + ", " + RollupDiff.summed() + " FROM " + stage + " GROUP BY " + staged + ") g"
                    + " LEFT JOIN " + dictionary + " d ON d.tenant_id = g.tenant_id AND d.digest = dictionary_digest(g." + text + ")");
        }
        try (PreparedStatement q = c.prepareStatement("SELECT " + UNRESOLVED + " FROM " + next + " WHERE " + UNRESOLVED
                + " IS NOT NULL LIMIT 1"); ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                throw new SQLException("'" + rs.getString(1) + "' (" + text + ") is not in the tenant's dictionary (" + dictionary + ")");
            }
        }
    }
}
