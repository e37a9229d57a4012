package com.stategraph.billing.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A load's rollups. The sums a load flushes while it reads go into temporary tables of its
 * transaction; at commit they are summed per key and replace the rollups of the billing periods the
 * export holds through {@link RollupDiff}, which writes only the rows that changed.
 */
final class RollupWriter {
    private static final String PARTIES = " provider, host_provider, publisher, invoice_issuer,";
    private static final String SUMS = " billed_cost, effective_cost, list_cost, contracted_cost, row_count";

    /** A rollup table, the columns a flush writes (in the order {@link DailyRollup} writes them), and that write. */
    private record Target(String table, String columns, Write write, DictionaryKeys dictionaryKeys) {
        /** A rollup that keeps every value as it is (no {@link DictionaryKeys}). */
        Target(String table, String columns, Write write) {
            this(table, columns, write, null);
        }

        String stage() {
            return "rollup_stage_" + table;
        }

        String next() {
            return RollupWriter.next(table);
        }
    }

    /** The temporary table a load's summed rows of {@code table} go into before the diff. */
    private static String next(String table) {
        return "rollup_next_" + table;
    }

    @FunctionalInterface
    private interface Write {
        void to(DailyRollup rollup, CopyTextWriter out, String tenant, String source) throws IOException;
    }

    private static final String DIMENSIONS = PARTIES
            + " service_name, service_category, billing_account_id, sub_account_id, region_id, charge_category, billing_currency,";
    /** The columns of a sum per single dimension ({@link SingleDimensionSums}) by {@code %s}, a day or a month. */
    private static final String DIMENSION_SUMS = "tenant_id, source_id, billing_period, %s, dimension, value, billing_currency," + SUMS;
    private static final List<Target> TARGETS = List.of(
            new Target("cost_daily", "tenant_id, source_id, billing_period, day," + DIMENSIONS + SUMS, DailyRollup::writeDays),
            new Target("cost_monthly", "tenant_id, source_id, billing_period, month," + DIMENSIONS + SUMS,
                    DailyRollup::writeMonths),
            new Target("cost_daily_tags", "tenant_id, source_id, billing_period, day," + PARTIES
                    + " service_name, billing_currency, tag_key, tag_value," + SUMS, DailyRollup::writeTags),
            new Target("cost_daily_tag_sets", "tenant_id, source_id, billing_period, day," + PARTIES
                    + " service_name, billing_currency, tags_digest," + SUMS, DailyRollup::writeTagSets, DictionaryKeys.TAG_SET),
            // the days before the months: the monthly sums per dimension are folded from the daily ones as those are written
            new Target("cost_daily_dimensions", DIMENSION_SUMS.formatted("day"), DailyRollup::writeDayDimensions),
            new Target("cost_monthly_dimensions", DIMENSION_SUMS.formatted("month"), DailyRollup::writeMonthDimensions));

    /** The tables a load writes, in the order it writes them: these, then the per-resource sums ({@link ResourceSums}). */
    static List<String> tables() {
        return java.util.stream.Stream.concat(TARGETS.stream().map(Target::table), java.util.stream.Stream.of(ResourceBlocks.TABLE))
                .toList();
    }

    private final Connection connection;
    private final DailyRollup rollup;
    private final String tenantText;
    private final String sourceText;
    private final int ownRollupRows;
    private boolean staged;
    /** Per target, the flushes that wrote rows into its stage. */
    private final int[] flushesWithRows = new int[TARGETS.size()];
    /** Per target, whether a value lost a NUL on its way to the stage. */
    private final boolean[] keysMayRepeat = new boolean[TARGETS.size()];

    /** @param ownRollupRows a period of at least this many rows of a rollup kept in sets is a set of its own ({@link RollupSets}) */
    RollupWriter(Connection connection, DailyRollup rollup, String tenantText, String sourceText, int ownRollupRows) {
        this.connection = connection;
        this.rollup = rollup;
        this.tenantText = tenantText;
        this.sourceText = sourceText;
        this.ownRollupRows = ownRollupRows;
    }

    /**
     * The sums so far into the load's temporary tables, one COPY each (one COPY at a time on a
     * connection): all of them when {@code last}, else the maps that hold much ({@link DailyRollup#prepare}).
     */
    void flush(boolean last) throws SQLException, IOException {
        if (!staged) {
            try (Statement st = connection.createStatement()) {
                for (Target t : TARGETS) {
                    st.execute("CREATE TEMPORARY TABLE " + t.stage() + " (LIKE " + t.table() + " INCLUDING DEFAULTS) ON COMMIT DROP");
                    if (t.dictionaryKeys() != null) {
                        t.dictionaryKeys().addStaged(st, t.stage());
                    }
                }
            }
            staged = true;
        }
        rollup.prepare(last);
        for (int i = 0; i < TARGETS.size(); i++) {
            Target t = TARGETS.get(i);
            PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + t.stage() + " (" + t.columns() + ") FROM STDIN"), 1 << 16);
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            CopyTextWriter text = new CopyTextWriter(w);
            t.write().to(rollup, text, tenantText, sourceText);
            w.flush();
            if (out.endCopy() > 0) {
                flushesWithRows[i]++;
            }
            keysMayRepeat[i] |= text.droppedNul();
        }
    }

    /**
     * Whether the stage of target {@code i} holds each key once: its rows came in one flush, from one
     * map, and no value lost a NUL on its way (the only way two keys there become one here).
     */
    private boolean stagedOnce(int i) {
        return flushesWithRows[i] <= 1 && !keysMayRepeat[i];
    }

    /**
     * Makes the source's rollups of {@code periods} the sums of this load: one row per key, whatever
     * number of flushes it took. Periods the load has no rows for lose theirs.
     */
    void replace(UUID tenantId, UUID sourceId, Array periods) throws SQLException, IOException {
        flush(true);
        dropUnsummedTags();
        for (int i = 0; i < TARGETS.size(); i++) {
            Target t = TARGETS.get(i);
            List<RollupDiff.Column> columns = RollupDiff.columnsOf(connection, t.table());
            List<String> keys = columns.stream().map(RollupDiff.Column::name).filter(c -> !RollupDiff.SUMS.contains(c)).toList();
            if (t.dictionaryKeys() != null) {
                t.dictionaryKeys().sum(connection, tenantId, t.stage(), t.next(), keys, stagedOnce(i));
            } else if (stagedOnce(i)) {
                // Already one row per key: summing them again took 0.4 s of a usual sync's commit (50,000 daily keys).
                try (Statement st = connection.createStatement()) {
                    st.execute("ALTER TABLE " + t.stage() + " RENAME TO " + t.next());
                }
            } else {
                String keyList = String.join(", ", keys);
                try (Statement st = connection.createStatement()) {
                    st.execute("CREATE TEMPORARY TABLE " + t.next() + " ON COMMIT DROP AS SELECT " + keyList + ", "
                            + RollupDiff.summed() + " FROM " + t.stage() + " GROUP BY " + keyList);
                }
            }
            if (RollupSets.kept(t.table())) {
                Array small = RollupSets.writeLarge(connection, t.table(), t.next(), columns, tenantId, sourceId, periods, ownRollupRows);
                if (((Object[]) small.getArray()).length > 0) {
                    RollupDiff.apply(connection, RollupSets.shared(t.table()), t.next(), columns, SCOPE, tenantId, sourceId, small);
                }
            } else {
                RollupDiff.apply(connection, t.table(), t.next(), columns, SCOPE, tenantId, sourceId, periods);
            }
        }
    }

    /** What flushes staged of a key's values before the key went past its bound ({@link UnsummedTagKeys}): none are kept. */
    private void dropUnsummedTags() throws SQLException {
        UnsummedTagKeys unsummed = rollup.tagMasks().unsummed();
        for (java.time.LocalDate period : unsummed.periods()) {
            RollupDiff.update(connection, "DELETE FROM rollup_stage_cost_daily_tags WHERE billing_period = ? AND tag_key = ANY (?)",
                    java.sql.Date.valueOf(period), connection.createArrayOf("text", unsummed.of(period).keySet().toArray()));
        }
    }

    private static final String SCOPE = "t.tenant_id = ? AND t.source_id = ? AND t.billing_period = ANY (?)";
}
