package com.stategraph.billing.load;

import com.stategraph.billing.load.DailyRollupKeys.Parties;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a load's per-resource month sums are keyed by besides the resource, as small numbers: each
 * combination of dimensions a resource's lines are narrowed by ({@code cost_resource_dims}' columns)
 * and each billing period and month. A load names a few thousand combinations and a few months, so
 * a line's key in {@link ResourceSums} is one long.
 */
final class ResourceDimensions {
    /** Bits of a key given to the combination, below the resource. */
    static final int COMBINATION_BITS = 22;
    /** Bits above the resource given to the billing period and month, below the sign. */
    static final int MONTH_BITS = 9;
    /** Where the billing period and month start in a key: above the combination and the resource (32 bits). */
    static final int MONTH_SHIFT = COMBINATION_BITS + 32;

    /** The columns of {@code cost_resource_dims} a combination is, in {@link #write} order. */
    static final String COLUMNS = "provider, host_provider, publisher, invoice_issuer, service_name, sub_account_id, region_id,"
            + " resource_type, charge_category, billing_currency";

    /** A resource's dimensions; a line without a resource is told apart by its charge category (tax, credit, ...). */
    private record Combination(Parties parties, String service, String subAccount, String region, String resourceType,
                               String chargeCategory, String currency) {
        @Override
        public int hashCode() {
            int h = parties.hashCode();
            h = 31 * h + Objects.hashCode(service);
            h = 31 * h + Objects.hashCode(subAccount);
            h = 31 * h + Objects.hashCode(region);
            h = 31 * h + Objects.hashCode(resourceType);
            h = 31 * h + Objects.hashCode(chargeCategory);
            h = 31 * h + Objects.hashCode(currency);
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Combination k && parties.equals(k.parties) && Objects.equals(service, k.service)
                    && Objects.equals(subAccount, k.subAccount) && Objects.equals(region, k.region)
                    && Objects.equals(resourceType, k.resourceType) && Objects.equals(chargeCategory, k.chargeCategory)
                    && Objects.equals(currency, k.currency);
        }

        /** Without NULs, as PostgreSQL stores it: two combinations that differ only by one are one there. */
        Combination stored() {
            return new Combination(new Parties(noNul(parties.provider()), noNul(parties.host()), noNul(parties.publisher()),
                    noNul(parties.issuer())), noNul(service), noNul(subAccount), noNul(region), noNul(resourceType),
                    noNul(chargeCategory), noNul(currency));
        }

        private static String noNul(String s) {
            return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
        }
    }

    private final Map<Combination, Integer> indexes = new HashMap<>();
    /** Each index's combination as stored: the same index for combinations that differ only by a NUL. */
    private final List<Combination> combinations = new ArrayList<>();
    private final Map<Combination, Integer> storedIndexes = new HashMap<>();
    private final List<LocalDate[]> months = new ArrayList<>();
    private Combination last;
    private int lastIndex;

    /**
     * The key bits of a line's billing period, month and dimensions, the resource's bits left 0.
     *
     * @param chargeCategory the line's charge category when it names no resource, else null
     */
    long key(LocalDate period, LocalDate month, Parties parties, String service, String subAccount, String region,
             String resourceType, String chargeCategory, String currency) {
        return (long) month(period, month) << MONTH_SHIFT
                | combination(new Combination(parties, service, subAccount, region, resourceType, chargeCategory, currency));
    }

    private int combination(Combination c) {
        // Neighbouring lines mostly share their dimensions.
        if (c.equals(last)) {
            return lastIndex;
        }
        Integer index = indexes.get(c);
        if (index == null) {
            Combination stored = c.stored();
            index = storedIndexes.get(stored);
            if (index == null) {
                index = combinations.size();
                if (index >= 1 << COMBINATION_BITS) {
                    throw new IllegalStateException("a load names more than " + (1 << COMBINATION_BITS)
                            + " combinations of a resource's dimensions");
                }
                combinations.add(stored);
                storedIndexes.put(stored, index);
            }
            indexes.put(c, index);
        }
        last = c;
        lastIndex = index;
        return index;
    }

    private int month(LocalDate period, LocalDate month) {
        for (int i = months.size() - 1; i >= 0; i--) {
            LocalDate[] m = months.get(i);
            if (m[0].equals(period) && m[1].equals(month)) {
                return i;
            }
        }
        if (months.size() >= 1 << MONTH_BITS) {
            throw new IllegalStateException("a load's lines fall in more than " + (1 << MONTH_BITS) + " billing periods and months");
        }
        months.add(new LocalDate[] {period, month});
        return months.size() - 1;
    }

    int combinations() {
        return combinations.size();
    }

    /** The billing period of a key's month bits ({@link #MONTH_SHIFT}). */
    LocalDate period(int month) {
        return months.get(month)[0];
    }

    LocalDate month(int month) {
        return months.get(month)[1];
    }

    /** The billing currency of combination {@code combination}. */
    String currency(int combination) {
        return combinations.get(combination).currency();
    }

    /** Each combination as a COPY text row: its index, then {@link #COLUMNS}. */
    void write(CopyTextWriter out) throws IOException {
        for (int i = 0; i < combinations.size(); i++) {
            Combination c = combinations.get(i);
            out.field(Integer.toString(i));
            for (String f : new String[] {c.parties().provider(), c.parties().host(), c.parties().publisher(), c.parties().issuer(),
                    c.service(), c.subAccount(), c.region(), c.resourceType(), c.chargeCategory(), c.currency()}) {
                out.field(f);
            }
            out.endRow();
        }
    }
}
