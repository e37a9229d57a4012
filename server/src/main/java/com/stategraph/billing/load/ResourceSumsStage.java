package com.stategraph.billing.load;

import com.carrotsearch.hppc.cursors.LongIntCursor;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a load spills its {@link ResourceSums} when it holds more keys than it may: a temporary
 * table of its transaction, summed per key and cut into blocks by PostgreSQL at commit.
 */
final class ResourceSumsStage {
    static final String TABLE = "rollup_stage_resource_sums";
    private boolean used;

    /** Whether sums were spilled: the load's blocks are then summed here. */
    boolean used() {
        return used;
    }

    void write(Connection c, ResourceSums sums, ResourceDimensions dimensions) throws SQLException, IOException {
        if (!used) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMPORARY TABLE " + TABLE + " (billing_period date, month date, resource_key integer,"
                        + " combination integer, billed_cost numeric, effective_cost numeric, list_cost numeric, contracted_cost numeric,"
                        + " row_count bigint) ON COMMIT DROP");
            }
            used = true;
        }
        BinaryCopy copy = new BinaryCopy(c, "COPY " + TABLE + " FROM STDIN (FORMAT binary)");
        NumericBinary numeric = new NumericBinary();
        for (LongIntCursor k : sums.keys()) {
            CopyBinaryWriter out = copy.rows();
            int month = (int) (k.key >>> ResourceDimensions.MONTH_SHIFT);
            long resourcePlusOne = (k.key >>> ResourceDimensions.COMBINATION_BITS) & 0xFFFFFFFFL;
            out.startRow(9);
            out.dateField(dimensions.period(month));
            out.dateField(dimensions.month(month));
            if (resourcePlusOne == 0) {
                out.nullField();
            } else {
                out.int4Field((int) (resourcePlusOne - 1));
            }
            out.int4Field((int) (k.key & ((1L << ResourceDimensions.COMBINATION_BITS) - 1)));
            for (int m = 0; m < ResourceLines.METRICS; m++) {
                sums.numeric(k.value, m, numeric);
                out.numericElement(numeric);
            }
            out.int8Field(sums.rows(k.value));
            copy.rowDone();
        }
        copy.finish();
    }

    /** The spilled sums, one row per key, as the blocks of {@link ResourceBlocks#NEXT}; every combination has its id by now. */
    void sumIntoBlocks(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // Unanalyzed, a stage of 958,000 rows was planned as 38,000 groups, hashed, and spilled to disk.
            st.execute("ANALYZE " + TABLE);
        }
        ResourceBlocks.createNext(c);
        String order = " ORDER BY n.resource_key, n.id)";
        RollupDiff.update(c, "INSERT INTO " + ResourceBlocks.NEXT + " (billing_period, month, block, " + ResourceBlocks.ARRAYS + ")"
                + " SELECT n.billing_period, n.month, coalesce(n.resource_key >> " + ResourceBlocks.SHIFT + ", -1),"
                + " array_agg(n.resource_key" + order + ", array_agg(n.id" + order + ", array_agg(n.billed_cost" + order
                + ", array_agg(n.effective_cost" + order + ", array_agg(n.list_cost" + order + ", array_agg(n.contracted_cost" + order
                + ", array_agg(n.row_count" + order + " FROM (SELECT s.billing_period, s.month, s.resource_key, d.id, "
                + RollupDiff.summed() + " FROM " + TABLE + " s JOIN " + ResourceBlocks.COMBINATION_IDS
                + " d ON d.combination = s.combination GROUP BY 1, 2, 3, 4) n GROUP BY 1, 2, 3");
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE " + TABLE);
        }
        used = false;
    }
}
