package com.stategraph.billing.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rollups that grow with a period's distinct tag sets and tag values, partitioned by set (V38;
 * the per-resource sums were one of them until V50 made them blocks, {@link ResourceBlocks}). A
 * source's period of at least {@code ownRows} rows in one of them is a set of its own: a table
 * written whole, attached, and named current in {@code rollup_sets} in the sync's transaction, which
 * also deletes the rows of the set it replaces; that table is dropped after the commit
 * ({@link BillingPartitions#dropRetired}), giving its space back. Smaller periods stay in the shared
 * partition, where {@link RollupDiff} changes them row by row. Readers read the parent and see
 * either the old set or the new one, never both.
 */
final class RollupSets {
    static final List<String> TABLES = List.of("cost_daily_tag_sets", "cost_daily_tags");

    private RollupSets() {
    }

    /** Whether {@code table} is kept in sets. */
    static boolean kept(String table) {
        return TABLES.contains(table);
    }

    /** The partition of {@code table} that holds the periods of fewer rows. */
    static String shared(String table) {
        return table + "_shared";
    }

    /**
     * Writes the periods of {@code next} (a table of the transaction, one row per key) of at least
     * {@code ownRows} rows as sets, unless the current set holds the same rows, and takes their rows
     * out of {@code next}. The sets of the other periods are retired.
     *
     * @return the periods left to the shared partition; when there are none, {@code next} may still hold the sets' rows
     */
    static Array writeLarge(Connection c, String table, String next, List<RollupDiff.Column> columns, UUID tenantId, UUID sourceId,
                            Array periods, int ownRows) throws SQLException {
        Map<LocalDate, Long> rows = rowsPerPeriod(c, next);
        Map<LocalDate, UUID> current = currentSets(c, table, tenantId, sourceId, periods);
        List<LocalDate> large = new ArrayList<>();
        List<LocalDate> small = new ArrayList<>();
        for (Object p : (Object[]) periods.getArray()) {
            LocalDate period = ((java.sql.Date) p).toLocalDate();
            UUID old = current.get(period);
            if (rows.getOrDefault(period, 0L) >= ownRows) {
                large.add(period);
                if (old == null || !same(c, table, old, next, columns, period)) {
                    write(c, table, next, columns, tenantId, sourceId, period, old);
                }
            } else {
                small.add(period);
                if (old != null) {
                    retire(c, table, old, tenantId, sourceId, period);
                }
            }
        }
        if (!large.isEmpty()) {
            Array largeOnes = c.createArrayOf("date", large.toArray());
            // A period that just grew past the threshold leaves the shared partition.
            RollupDiff.update(c, "DELETE FROM " + shared(table) + " WHERE tenant_id = ? AND source_id = ? AND billing_period = ANY (?)",
                    tenantId, sourceId, largeOnes);
            if (!small.isEmpty()) {
                // At a resource per line nearly all of next is large periods' rows: deleted only when the rest are diffed.
                RollupDiff.update(c, "DELETE FROM " + next + " WHERE billing_period = ANY (?)", largeOnes);
            }
        }
        return c.createArrayOf("date", small.toArray());
    }

    /** The period's rows of {@code next} into a new set, named current; the one it replaces is emptied. */
    private static void write(Connection c, String table, String next, List<RollupDiff.Column> columns, UUID tenantId, UUID sourceId,
                              LocalDate period, UUID old) throws SQLException {
        BillingPartitions family = BillingPartitions.rollupSets(table);
        UUID setId = UUID.randomUUID();
        String set = family.create(c, setId);
        String list = columns.stream().map(RollupDiff.Column::name).collect(Collectors.joining(", "));
        String day = columns.stream().map(RollupDiff.Column::name).filter(n -> n.equals("day") || n.equals("month")).findFirst()
                .orElseThrow();
        // In the order of the readers' index: a day's rows share pages.
        RollupDiff.update(c, "INSERT INTO " + set + " (" + list + ", set_id) SELECT " + list + ", ?::uuid FROM " + next
                + " WHERE billing_period = ? ORDER BY " + day, setId, period);
        family.attach(c, setId);
        if (old != null) {
            // Readers see the old rows until the commit, then none: never both sets.
            RollupDiff.update(c, "DELETE FROM " + family.tableOf(old));
        }
        RollupDiff.update(c, "INSERT INTO rollup_sets (rollup, tenant_id, source_id, billing_period, set_id) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id, source_id, billing_period, rollup) DO UPDATE SET set_id = excluded.set_id",
                table, tenantId, sourceId, period, setId);
    }

    /** The period goes back to the shared partition (fewer rows now): its set is emptied, and dropped after the commit. */
    private static void retire(Connection c, String table, UUID old, UUID tenantId, UUID sourceId, LocalDate period) throws SQLException {
        RollupDiff.update(c, "DELETE FROM " + BillingPartitions.rollupSets(table).tableOf(old));
        RollupDiff.update(c, "DELETE FROM rollup_sets WHERE rollup = ? AND tenant_id = ? AND source_id = ? AND billing_period = ?",
                table, tenantId, sourceId, period);
    }

    /** Whether the set holds exactly the period's rows of {@code next} (a key is one row on both sides). */
    private static boolean same(Connection c, String table, UUID setId, String next, List<RollupDiff.Column> columns, LocalDate period)
            throws SQLException {
        String compared = columns.stream().map(col -> col.numeric() ? col.name() + "::text" : col.name()).collect(Collectors.joining(", "));
        return BillingPartitions.rollupSets(table).holdsExactly(c, setId, next, "billing_period = ?", period, compared);
    }

    private static Map<LocalDate, Long> rowsPerPeriod(Connection c, String next) throws SQLException {
        Map<LocalDate, Long> rows = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT billing_period, count(*) FROM " + next
                + " GROUP BY billing_period")) {
            while (rs.next()) {
                rows.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
            }
        }
        return rows;
    }

    private static Map<LocalDate, UUID> currentSets(Connection c, String table, UUID tenantId, UUID sourceId, Array periods)
            throws SQLException {
        Map<LocalDate, UUID> sets = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT billing_period, set_id FROM rollup_sets WHERE rollup = ? AND tenant_id = ?"
                + " AND source_id = ? AND billing_period = ANY (?)")) {
            q.setString(1, table);
            q.setObject(2, tenantId);
            q.setObject(3, sourceId);
            q.setArray(4, periods);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    sets.put(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class));
                }
            }
        }
        return sets;
    }
}
