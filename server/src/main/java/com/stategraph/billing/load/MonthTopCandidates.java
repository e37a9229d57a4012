package com.stategraph.billing.load;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * The resources of a load's months that can be among their {@link MonthTopResources#KEPT} largest, for
 * one metric or another, with their month sums: each resource summed over its combinations and
 * billing periods per month and currency, from {@link ResourceSums} while it holds every key. A
 * resource is kept when its cost is at least the {@code KEPT}th largest of its month and currency
 * for some metric, so each metric's first {@code KEPT} with ties are among them, exactly as among all
 * (what {@link MonthTopResources} ranks). They stand for the load's months only when no other source
 * or billing period has sums there; the ranking of 958,000 resources' sums, summed again from the
 * blocks, took about 7 s of a commit.
 */
final class MonthTopCandidates {
    private static final int METRICS = ResourceLines.METRICS;

    private record Candidate(LocalDate month, String currency, int resource, BigDecimal[] sums, long rows) {
    }

    private final List<Candidate> candidates = new ArrayList<>();

    private MonthTopCandidates() {
    }

    /** From every key {@code sums} holds. */
    static MonthTopCandidates of(ResourceSums sums, ResourceDimensions dimensions) {
        Map<LocalDate, Integer> months = new HashMap<>();
        Map<String, Integer> currencies = new HashMap<>();
        List<LocalDate> monthList = new ArrayList<>();
        List<String> currencyList = new ArrayList<>();
        int[] monthOf = new int[1 << ResourceDimensions.MONTH_BITS];
        java.util.Arrays.fill(monthOf, -1);
        int[] currencyOf = new int[dimensions.combinations()];
        java.util.Arrays.fill(currencyOf, -1);
        LongIntHashMap groups = new LongIntHashMap(sums.size());
        int[] firstSlot = new int[sums.size()];
        long[] groupKeys = new long[sums.size()];
        // The few groups of several keys (a resource in two regions or periods of one month), summed: by group, -1 for none.
        int[] mergedAt = new int[sums.size()];
        List<Summed> merged = new ArrayList<>();
        int n = 0;
        for (LongIntCursor k : sums.keys()) {
            int pm = (int) (k.key >>> ResourceDimensions.MONTH_SHIFT);
            int combination = (int) (k.key & ((1L << ResourceDimensions.COMBINATION_BITS) - 1));
            long resourcePlusOne = (k.key >>> ResourceDimensions.COMBINATION_BITS) & 0xFFFFFFFFL;
            if (monthOf[pm] < 0) {
                monthOf[pm] = months.computeIfAbsent(dimensions.month(pm), m -> {
                    monthList.add(m);
                    return monthList.size() - 1;
                });
            }
            if (currencyOf[combination] < 0) {
                currencyOf[combination] = currencies.computeIfAbsent(dimensions.currency(combination), c -> {
                    if (currencyList.size() == 1 << 15) {
                        throw new IllegalStateException("a load names more than " + (1 << 15) + " currencies");
                    }
                    currencyList.add(c);
                    return currencyList.size() - 1;
                });
            }
            int month = monthOf[pm];
            int currency = currencyOf[combination];
            long groupKey = (long) month << 47 | (long) currency << 32 | resourcePlusOne;
            int index = groups.indexOf(groupKey);
            if (groups.indexExists(index)) {
                int g = groups.indexGet(index);
                if (mergedAt[g] < 0) {
                    mergedAt[g] = merged.size();
                    merged.add(new Summed(sums, firstSlot[g]));
                }
                merged.get(mergedAt[g]).add(sums, k.value);
            } else {
                groups.indexInsert(index, groupKey, n);
                firstSlot[n] = k.value;
                mergedAt[n] = -1;
                groupKeys[n++] = groupKey;
            }
        }
        // Each group's month and currency, as a number of its own.
        LongIntHashMap partitionIds = new LongIntHashMap();
        int[] partition = new int[n];
        for (int g = 0; g < n; g++) {
            long p = groupKeys[g] >>> 32;
            int index = partitionIds.indexOf(p);
            if (partitionIds.indexExists(index)) {
                partition[g] = partitionIds.indexGet(index);
            } else {
                partition[g] = partitionIds.size();
                partitionIds.indexInsert(index, p, partition[g]);
            }
        }
        MonthTopCandidates out = new MonthTopCandidates();
        boolean[] kept = new boolean[n];
        BigDecimal[] costs = new BigDecimal[n];
        for (int m = 0; m < METRICS; m++) {
            @SuppressWarnings("unchecked")
            PriorityQueue<BigDecimal>[] largest = new PriorityQueue[partitionIds.size()];
            for (int g = 0; g < n; g++) {
                costs[g] = mergedAt[g] < 0 ? sums.value(firstSlot[g], m) : merged.get(mergedAt[g]).sums[m];
                PriorityQueue<BigDecimal> heap = largest[partition[g]];
                if (heap == null) {
                    heap = largest[partition[g]] = new PriorityQueue<>();
                }
                if (heap.size() < MonthTopResources.KEPT) {
                    heap.add(costs[g]);
                } else if (costs[g].compareTo(heap.peek()) > 0) {
                    heap.poll();
                    heap.add(costs[g]);
                }
            }
            for (int g = 0; g < n; g++) {
                PriorityQueue<BigDecimal> heap = largest[partition[g]];
                kept[g] |= heap.size() < MonthTopResources.KEPT || costs[g].compareTo(heap.peek()) >= 0;
            }
        }
        for (int g = 0; g < n; g++) {
            if (kept[g]) {
                Summed s = mergedAt[g] < 0 ? new Summed(sums, firstSlot[g]) : merged.get(mergedAt[g]);
                out.candidates.add(new Candidate(monthList.get((int) (groupKeys[g] >>> 47)),
                        currencyList.get((int) ((groupKeys[g] >>> 32) & 0x7FFF)), (int) (groupKeys[g] & 0xFFFFFFFFL) - 1, s.sums, s.rows));
            }
        }
        return out;
    }

    /** A group's sums over its keys. */
    private static final class Summed {
        final BigDecimal[] sums = new BigDecimal[METRICS];
        long rows;

        Summed(ResourceSums from, int slot) {
            for (int m = 0; m < METRICS; m++) {
                sums[m] = from.value(slot, m);
            }
            rows = from.rows(slot);
        }

        void add(ResourceSums from, int slot) {
            for (int m = 0; m < METRICS; m++) {
                sums[m] = sums[m].add(from.value(slot, m));
            }
            rows += from.rows(slot);
        }
    }

    /** Into {@code table}, a new temporary table with the columns of the month sums {@link MonthTopResources} ranks. */
    void write(Connection c, String table, UUID tenantId) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE " + table + " (tenant_id uuid, month date, billing_currency text, resource_key integer,"
                    + " billed_cost numeric, effective_cost numeric, list_cost numeric, contracted_cost numeric, row_count bigint)"
                    + " ON COMMIT DROP");
        }
        BinaryCopy copy = new BinaryCopy(c, "COPY " + table + " FROM STDIN (FORMAT binary)");
        NumericBinary numeric = new NumericBinary();
        for (Candidate k : candidates) {
            CopyBinaryWriter out = copy.rows();
            out.startRow(9);
            out.uuidField(tenantId);
            out.dateField(k.month());
            out.textElement(k.currency());
            if (k.resource() < 0) {
                out.nullField();
            } else {
                out.int4Field(k.resource());
            }
            for (BigDecimal sum : k.sums()) {
                numeric.set(sum.toPlainString());
                out.numericElement(numeric);
            }
            out.int8Field(k.rows());
            copy.rowDone();
        }
        copy.finish();
    }
}
