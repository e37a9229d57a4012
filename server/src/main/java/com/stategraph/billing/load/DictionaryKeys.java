package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A rollup that keeps a value by the id the tenant's dictionary gives it, as the billing rows do,
 * not by its text: the tag set of {@code cost_daily_tag_sets} (V45; the resources' sums are summed
 * by id in Java, {@link ResourceSums}). A load stages each value's digest as the dictionary computes it
 * ({@link StringDictionary#digest}, in Java: PostgreSQL took twice as long to hash the text at commit
 * as to sum the rows); at commit the staged sums are summed per key and each digest is swapped for
 * the id. Every such value of the load is in the dictionary by then (each chunk's strings are stored
 * before its rows are copied), so one that is not is a fault, not a value to drop.
 *
 * @param key the rollup's column: the value's id, NULL where the line has none
 * @param staged the staged column: the value's digest
 * @param dictionary {@code billing_json}, a row per value
 */
record DictionaryKeys(String key, String staged, String dictionary) {
    static final DictionaryKeys TAG_SET = new DictionaryKeys("tags_key", "tags_digest", "billing_json");
    private static final String UNRESOLVED = "unresolved_digest";

    /** Gives {@code stage}, a copy of the rollup's columns, the column the load writes the digests to. */
    void addStaged(Statement st, String stage) throws SQLException {
        st.execute("ALTER TABLE " + stage + " ADD COLUMN " + staged + " uuid");
    }

    /** The dictionary as {@code d} (its id, joined to the staged digest), the tenant its one parameter. */
    private String joined() {
        return dictionary + " d ON d.tenant_id = ? AND d.digest = g." + staged;
    }

    /**
     * Creates {@code next}: the staged sums, one row per key ({@code keys}, the rollup's key columns),
     * each digest as its id. It has one more column, unread by the rollup's writes.
     *
     * @param once whether the stage already holds each key once (its rows came in one flush): not summed again
     */
    void sum(Connection c, UUID tenantId, String stage, String next, List<String> keys, boolean once) throws SQLException {
        // The digest first: the grouping's sort then compares 16 bytes, nearly unique, and seldom the text columns after it
        // (925,000 staged resources: the sort 1.1 s against 8.0 s with the tenant, source and dimensions first).
        String grouped = java.util.stream.Stream.concat(java.util.stream.Stream.of(staged), keys.stream().filter(k -> !k.equals(key)))
                .collect(Collectors.joining(", "));
        String selected = keys.stream().map(k -> k.equals(key) ? "d.id AS " + key : "g." + k).collect(Collectors.joining(", "));
        String sums = RollupDiff.SUMS.stream().map(s -> "g." + s).collect(Collectors.joining(", "));
        String summed = once ? stage : "(SELECT " + grouped + ", " + RollupDiff.summed() + " FROM " + stage + " GROUP BY " + grouped + ")";
        if (!once) {
            // Unanalyzed, a stage of 958,000 rows was planned as 38,000 groups, hashed, and spilled (3.9 s against 3.1 s after
            // an ANALYZE of 0.26 s).
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE " + stage);
            }
        }
        // The tenant as a constant, not g.tenant_id: PostgreSQL cannot see through the grouping that every staged row
        // is this tenant's, and hashed every tenant's dictionary (four tenants' 4 million tag sets: 15.0 s, 10.2 s as a constant).
        RollupDiff.update(c, "CREATE TEMPORARY TABLE " + next + " ON COMMIT DROP AS SELECT " + selected + ", " + sums
                + ", CASE WHEN d.id IS NULL THEN g." + staged + " END AS " + UNRESOLVED + " FROM " + summed + " g"
                + " LEFT JOIN " + joined(), tenantId);
        try (PreparedStatement q = c.prepareStatement("SELECT " + UNRESOLVED + " FROM " + next + " WHERE " + UNRESOLVED
                + " IS NOT NULL LIMIT 1"); ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                throw new SQLException("a value of the load (" + key + ", digest " + rs.getString(1) + ") is not in the tenant's dictionary ("
                        + dictionary + ")");
            }
        }
    }
}
