package com.stategraph.billing.load;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import com.google.common.base.Throwables;
import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A load's sums per month, resource and combination of dimensions, summed in Java by the resource's
 * dictionary id as each chunk's ids are known, and written at commit as the blocks they are stored
 * in ({@link ResourceBlocks}): sorted and cut into blocks here, not staged as text, regrouped,
 * matched to ids and sorted again by PostgreSQL (about 10 s of a commit at 958,000 resources).
 * A key is one long ({@link ResourceDimensions}); its sums are exact as {@link ExactSum}'s, kept in
 * pages of primitive arrays, about {@link #BYTES_PER_KEY} bytes a key. A load of more keys than it
 * may hold spills them to a temporary table and sums them there at commit, as before.
 */
final class ResourceSums {
    /**
     * What a key costs the heap, about: its map entry (a long and an int at a load of at most 0.75, twice that
     * just after the map grew), four unscaled sums, their scales and the line count.
     */
    static final int BYTES_PER_KEY = 80;
    private static final int METRICS = ResourceLines.METRICS;
    private static final int PAGE_BITS = 13;
    private static final int PAGE = 1 << PAGE_BITS;
    /** A sum's scale once the sum has left the long for {@link #big}. */
    private static final short BIG = -1;

    private final ResourceDimensions dimensions;
    private final ResourceSumBudget budget;
    /** Keys of the budget this load holds: a page's at a time. */
    private long taken;
    /** Whether the budget refused a page this load then allocated anyway: it spills at the next chance. */
    private boolean overBudget;
    private LongIntHashMap slots = new LongIntHashMap();
    private final List<long[]> unscaled = new ArrayList<>();
    private final List<short[]> scales = new ArrayList<>();
    private final List<long[]> rows = new ArrayList<>();
    /** The sums beyond a long, by slot and metric ({@code slot * 4 + metric}). */
    private final Map<Long, BigDecimal> big = new HashMap<>();
    private int size;
    private final ResourceSumsStage stage = new ResourceSumsStage();
    /** Made by {@link #replace} when it held every key. */
    private MonthTopCandidates monthTop;

    /** @param budget the keys all syncs of the process may hold; past its share the load spills them to a temporary table */
    ResourceSums(ResourceDimensions dimensions, ResourceSumBudget budget) {
        this.dimensions = dimensions;
        this.budget = budget;
    }

    /** Adds {@code chunk}'s lines, whose ResourceIds have their ids ({@link RowChunk#resolve}): on the load's thread. */
    void add(RowChunk chunk) {
        ResourceLines lines = chunk.resourceLines();
        for (int r = 0; r < chunk.size(); r++) {
            long key = lines.keys[r] | ((chunk.resourceKey(r) + 1L) << ResourceDimensions.COMBINATION_BITS);
            int slot = slotOf(key);
            int at = r * METRICS;
            for (int m = 0; m < METRICS; m++) {
                BigDecimal b = lines.big(r, m);
                if (b != null) {
                    addBig(slot, m, b);
                } else {
                    add(slot, m, lines.unscaled[at + m], lines.scales[at + m]);
                }
            }
            rows.get(slot >>> PAGE_BITS)[slot & (PAGE - 1)]++;
        }
        lines.clear(chunk.size());
    }

    /** Whether the load holds all the budget gave it: it spills before it holds more. */
    boolean full() {
        return overBudget;
    }

    int size() {
        return size;
    }

    private int slotOf(long key) {
        int index = slots.indexOf(key);
        if (slots.indexExists(index)) {
            return slots.indexGet(index);
        }
        int slot = size++;
        if ((slot & (PAGE - 1)) == 0 && slot >>> PAGE_BITS == unscaled.size()) {
            if (budget.take(PAGE)) {
                taken += PAGE;
            } else {
                overBudget = true;
            }
            unscaled.add(new long[METRICS * PAGE]);
            scales.add(new short[METRICS * PAGE]);
            rows.add(new long[PAGE]);
        }
        slots.indexInsert(index, key, slot);
        return slot;
    }

    /** Adds a compact cost as ExactSum does: at the larger scale, unless that overflows a long. */
    private void add(int slot, int m, long u, int s) {
        long[] page = unscaled.get(slot >>> PAGE_BITS);
        short[] pageScales = scales.get(slot >>> PAGE_BITS);
        int at = (slot & (PAGE - 1)) * METRICS + m;
        int scale = pageScales[at];
        if (scale != BIG && s <= Short.MAX_VALUE) {
            try {
                long sum = page[at];
                long addend = u;
                if (s > scale) {
                    sum = Math.multiplyExact(sum, ExactSum.pow10(s - scale));
                    scale = s;
                } else if (s < scale) {
                    addend = Math.multiplyExact(u, ExactSum.pow10(scale - s));
                }
                page[at] = Math.addExact(sum, addend);
                pageScales[at] = (short) scale;
                return;
            } catch (ArithmeticException overflow) {
                // on to the BigDecimal, the long left as it was
            }
        }
        addBig(slot, m, BigDecimal.valueOf(u, s));
    }

    private void addBig(int slot, int m, BigDecimal value) {
        short[] pageScales = scales.get(slot >>> PAGE_BITS);
        int at = (slot & (PAGE - 1)) * METRICS + m;
        long bigKey = (long) slot * METRICS + m;
        if (pageScales[at] != BIG) {
            big.put(bigKey, BigDecimal.valueOf(unscaled.get(slot >>> PAGE_BITS)[at], pageScales[at]));
            pageScales[at] = BIG;
        }
        big.merge(bigKey, value, BigDecimal::add);
    }

    /** Sum {@code m} of {@code slot}. */
    BigDecimal value(int slot, int m) {
        int at = (slot & (PAGE - 1)) * METRICS + m;
        short scale = scales.get(slot >>> PAGE_BITS)[at];
        return scale == BIG ? big.get((long) slot * METRICS + m) : BigDecimal.valueOf(unscaled.get(slot >>> PAGE_BITS)[at], scale);
    }

    /** Sum {@code m} of {@code slot} into {@code out}, without a BigDecimal while it fits its long. */
    void numeric(int slot, int m, NumericBinary out) {
        int at = (slot & (PAGE - 1)) * METRICS + m;
        short scale = scales.get(slot >>> PAGE_BITS)[at];
        if (scale == BIG) {
            out.set(big.get((long) slot * METRICS + m).toPlainString());
        } else {
            out.set(unscaled.get(slot >>> PAGE_BITS)[at], scale);
        }
    }

    long rows(int slot) {
        return rows.get(slot >>> PAGE_BITS)[slot & (PAGE - 1)];
    }

    /** Each key and its slot, in no order. */
    Iterable<LongIntCursor> keys() {
        return slots;
    }

    int slot(long key) {
        return slots.getOrDefault(key, -1);
    }

    /** The candidates for the largest resources of the load's months, once {@link #replace}d; null when the sums were spilled. */
    MonthTopCandidates monthTop() {
        return monthTop;
    }

    /**
     * The sums as blocks ({@link ResourceSumsBlocks#write}) and, meanwhile, the month's candidates ({@link #monthTop}):
     * both only read the sums, so the candidates are found on another core while PostgreSQL takes in the blocks.
     */
    private long writeBlocksFindingCandidates(Connection c, int[] dimensionIds, UUID tenantId, UUID sourceId)
            throws SQLException, IOException {
        FutureTask<MonthTopCandidates> candidates = new FutureTask<>(() -> MonthTopCandidates.of(this, dimensions));
        Thread finder = new Thread(candidates, Thread.currentThread().getName() + "-top");
        finder.setDaemon(true);
        finder.start();
        long written;
        try {
            written = ResourceSumsBlocks.write(c, this, dimensions, dimensionIds, tenantId, sourceId);
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                candidatesOf(candidates);
            } catch (RuntimeException | Error alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        monthTop = candidatesOf(candidates);
        return written;
    }

    /** What the finder gave, once it is done: the sums are not forgotten while it reads them. */
    private static MonthTopCandidates candidatesOf(FutureTask<MonthTopCandidates> candidates) {
        try {
            return Uninterruptibles.getUninterruptibly(candidates);
        } catch (ExecutionException e) {
            Throwables.throwIfUnchecked(e.getCause());
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes the sums held to the load's temporary table and forgets them: the load's connection must be free. */
    void spill(Connection c) throws SQLException, IOException {
        stage.write(c, this, dimensions);
        forget();
    }

    /** Forgets the sums and gives the budget back: after a spill, at commit, or when the load ends without one. */
    void forget() {
        budget.give(taken);
        taken = 0;
        overBudget = false;
        slots = new LongIntHashMap();
        unscaled.clear();
        scales.clear();
        rows.clear();
        big.clear();
        size = 0;
    }

    /**
     * Makes the source's blocks of {@code periods} these sums (with any spilled before): sorted and cut into
     * blocks here when every key is held, else summed from the temporary table by PostgreSQL.
     */
    void replace(Connection c, UUID tenantId, UUID sourceId, Array periods) throws SQLException, IOException {
        if (stage.used() || full()) {
            spill(c);
        }
        int[] dimensionIds = ResourceBlocks.dimensionIds(c, tenantId, dimensions);
        if (stage.used()) {
            stage.sumIntoBlocks(c);
            ResourceBlocks.apply(c, tenantId, sourceId, periods);
        } else {
            // Nothing to compare with (a first load of these periods): straight into the table, no temporary one copied over.
            boolean first = ResourceBlocks.noneStored(c, tenantId, sourceId, periods);
            long written = writeBlocksFindingCandidates(c, dimensionIds, first ? tenantId : null, first ? sourceId : null);
            forget();
            if (first) {
                ResourceBlocks.analyzeIfMany(c, written);
            } else {
                ResourceBlocks.apply(c, tenantId, sourceId, periods);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + ResourceBlocks.COMBINATION_IDS);
        }
    }
}
