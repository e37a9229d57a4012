package com.stategraph.billing.load;

import com.stategraph.billing.format.CanonicalRow;
import com.stategraph.billing.format.FocusColumn;
import java.math.BigDecimal;

/**
 * A running sum of decimals, exact: a long of units at the largest scale seen while it fits, a
 * BigDecimal from the first sum that would not. The rollups add four costs per row to several
 * sums; as longs that costs no allocation. The result is what adding the same BigDecimals gives,
 * scale included.
 */
final class ExactSum {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private long unscaled;
    private int scale;
    private BigDecimal big;

    /** One addend: its unscaled long and scale when it has at most 18 digits, else its BigDecimal. */
    static final class Addend {
        private BigDecimal big;
        long unscaled;
        int scale;
        boolean compact = true;

        void set(BigDecimal v) {
            BigDecimal value = v == null ? BigDecimal.ZERO : v;
            scale = value.scale();
            compact = scale >= 0 && value.precision() <= 18;
            unscaled = compact ? value.unscaledValue().longValue() : 0;
            big = compact ? null : value;
        }

        /** A row's decimal column, zero when absent; a compact one is taken as it is, with no BigDecimal. */
        void set(CanonicalRow row, FocusColumn column) {
            if (!row.isCompact(column)) {
                set(row.decimal(column));
                return;
            }
            unscaled = row.unscaled(column);
            scale = row.scale(column);
            compact = true;
            big = null;
        }

        BigDecimal value() {
            return big != null ? big : BigDecimal.valueOf(unscaled, scale);
        }
    }

    void add(Addend a) {
        if (big == null) {
            if (a.compact && addAsLong(a.unscaled, a.scale)) {
                return;
            }
            big = BigDecimal.valueOf(unscaled, scale);
        }
        big = big.add(a.value());
    }

    private boolean addAsLong(long u, int s) {
        try {
            if (s > scale) {
                unscaledAt(s);
            } else if (s < scale) {
                u = Math.multiplyExact(u, pow10(scale - s));
            }
            unscaled = Math.addExact(unscaled, u);
            return true;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /** Raises the running sum to scale {@code s}; leaves it as it was when it would overflow. */
    private void unscaledAt(int s) {
        long raised = Math.multiplyExact(unscaled, pow10(s - scale));
        unscaled = raised;
        scale = s;
    }

    /** 10<sup>n</sup> as a long; throws ArithmeticException past a long (the running sums go to BigDecimal then). */
    static long pow10(int n) {
        if (n >= POW10.length) {
            throw new ArithmeticException("scale step too large for a long");
        }
        return POW10[n];
    }

    /** Adds another running sum: a month's from its days, a tag's from its tag sets. */
    void add(ExactSum other) {
        if (big == null && other.big == null && addAsLong(other.unscaled, other.scale)) {
            return;
        }
        if (big == null) {
            big = BigDecimal.valueOf(unscaled, scale);
        }
        big = big.add(other.value());
    }

    BigDecimal value() {
        return big != null ? big : BigDecimal.valueOf(unscaled, scale);
    }
}
