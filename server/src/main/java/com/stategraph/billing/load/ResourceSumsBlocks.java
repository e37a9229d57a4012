package com.stategraph.billing.load;

import com.carrotsearch.hppc.cursors.LongIntCursor;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A load's {@link ResourceSums}, every key held, as blocks: the keys sorted by month, resource and
 * dimensions' id (the blocks' order), cut into blocks of {@link ResourceBlocks#SHIFT} bits of
 * resource, sent as one binary COPY into {@link ResourceBlocks#NEXT}, or straight into the table.
 */
final class ResourceSumsBlocks {
    private static final long COMBINATION_MASK = (1L << ResourceDimensions.COMBINATION_BITS) - 1;
    private static final int METRICS = ResourceLines.METRICS;

    private ResourceSumsBlocks() {
    }

    /**
     * @param dimensionIds each combination's id in {@code cost_resource_dims}
     * @param tenantId with {@code sourceId}, whose blocks of {@link ResourceBlocks#TABLE} these are; null for {@link ResourceBlocks#NEXT}
     * @return the blocks written
     */
    static long write(Connection c, ResourceSums sums, ResourceDimensions dimensions, int[] dimensionIds, UUID tenantId, UUID sourceId)
            throws SQLException, IOException {
        // A combination's rank among the load's by its id stands for it in the sort: a key has no room for the id.
        int[] combinationOfRank = IntStream.range(0, dimensions.combinations()).boxed()
                .sorted(Comparator.comparingInt(i -> dimensionIds[i])).mapToInt(Integer::intValue).toArray();
        int[] rank = new int[combinationOfRank.length];
        for (int r = 0; r < combinationOfRank.length; r++) {
            rank[combinationOfRank[r]] = r;
        }
        long[] order = new long[sums.size()];
        int n = 0;
        for (LongIntCursor k : sums.keys()) {
            order[n++] = (k.key & ~COMBINATION_MASK) | rank[(int) (k.key & COMBINATION_MASK)];
        }
        Arrays.sort(order);
        boolean direct = tenantId != null;
        if (!direct) {
            ResourceBlocks.createNext(c);
        }
        BinaryCopy copy = new BinaryCopy(c, "COPY " + (direct ? ResourceBlocks.TABLE + " (tenant_id, source_id, " : ResourceBlocks.NEXT + " (")
                + "billing_period, month, block, " + ResourceBlocks.ARRAYS + ") FROM STDIN (FORMAT binary)");
        int[] slots = new int[256];
        int[] combinations = new int[256];
        NumericBinary numeric = new NumericBinary();
        int start = 0;
        while (start < n) {
            long first = order[start];
            int end = start;
            int entries = 0;
            while (end < n && sameBlock(order[end], first)) {
                int combination = combinationOfRank[(int) (order[end] & COMBINATION_MASK)];
                if (entries == slots.length) {
                    slots = Arrays.copyOf(slots, entries * 2);
                    combinations = Arrays.copyOf(combinations, entries * 2);
                }
                combinations[entries] = combination;
                slots[entries++] = sums.slot((order[end] & ~COMBINATION_MASK) | combination);
                end++;
            }
            CopyBinaryWriter out = copy.rows();
            out.startRow(direct ? 12 : 10);
            if (direct) {
                out.uuidField(tenantId);
                out.uuidField(sourceId);
            }
            writeBlock(out, sums, dimensions, dimensionIds, order, start, slots, combinations, entries, numeric);
            copy.rowDone();
            start = end;
        }
        return copy.finish();
    }

    private static int month(long key) {
        return (int) (key >>> ResourceDimensions.MONTH_SHIFT);
    }

    /** The resource's id plus one: 0 for the lines without a ResourceId. */
    private static long resourcePlusOne(long key) {
        return (key >>> ResourceDimensions.COMBINATION_BITS) & 0xFFFFFFFFL;
    }

    private static int block(long key) {
        long r = resourcePlusOne(key);
        return r == 0 ? -1 : (int) ((r - 1) >> ResourceBlocks.SHIFT);
    }

    private static boolean sameBlock(long a, long b) {
        return month(a) == month(b) && block(a) == block(b);
    }

    /** The block of the {@code entries} keys of {@code order} from {@code start}, whose slots and combinations are given: its row's fields after its tenant and source. */
    private static void writeBlock(CopyBinaryWriter out, ResourceSums sums, ResourceDimensions dimensions, int[] dimensionIds,
                                   long[] order, int start, int[] slots, int[] combinations, int entries, NumericBinary numeric) {
        int month = month(order[start]);
        int block = block(order[start]);
        out.dateField(dimensions.period(month));
        out.dateField(dimensions.month(month));
        out.int4Field(block);
        out.startArray(CopyBinaryWriter.INT4_OID, entries, block < 0);
        for (int e = 0; e < entries; e++) {
            if (block < 0) {
                out.nullElement();
            } else {
                out.int4Element((int) (resourcePlusOne(order[start + e]) - 1));
            }
        }
        out.endArray();
        out.startArray(CopyBinaryWriter.INT4_OID, entries, false);
        for (int e = 0; e < entries; e++) {
            out.int4Element(dimensionIds[combinations[e]]);
        }
        out.endArray();
        for (int m = 0; m < METRICS; m++) {
            out.startArray(CopyBinaryWriter.NUMERIC_OID, entries, false);
            for (int e = 0; e < entries; e++) {
                sums.numeric(slots[e], m, numeric);
                out.numericElement(numeric);
            }
            out.endArray();
        }
        out.startArray(CopyBinaryWriter.INT8_OID, entries, false);
        for (int e = 0; e < entries; e++) {
            out.int8Element(sums.rows(slots[e]));
        }
        out.endArray();
    }
}
