package com.stategraph.billing.format;

import java.math.BigDecimal;
import tools.jackson.core.io.NumberOutput;

/**
 * Exact decimals for PostgreSQL {@code numeric} and for sums. Text and Parquet DECIMAL keep every digit;
 * a DOUBLE or FLOAT (only when the file itself holds one) becomes its shortest round-tripping
 * decimal, so {@code 0.1} stays {@code 0.1}, never {@code 0.1000000000000000055...}.
 */
final class DecimalText {
    private DecimalText() {
    }

    /**
     * One value's exact decimal and its text for PostgreSQL; reused from value to value. A decimal of
     * plain digits that fits a long is kept as its unscaled long and scale ({@link #compact}), with no
     * BigDecimal: that is every cost and quantity of a usual export, eight a line. The decimals of
     * recent doubles are remembered: a line repeats its cost as billed, effective and contracted
     * cost, and its quantity as consumed and pricing quantity, and exports repeat prices.
     */
    static final class Parsed {
        private static final int REMEMBERED = 1024;
        private final long[] bits = new long[REMEMBERED];
        private final String[] texts = new String[REMEMBERED];
        private final long[] unscaleds = new long[REMEMBERED];
        private final int[] scales = new int[REMEMBERED];
        /** The value when it is not compact; null for a compact one. */
        private final BigDecimal[] bigs = new BigDecimal[REMEMBERED];
        String text;
        /** Whether the value is {@link #unscaled} at {@link #scale}; else it is {@link #big}. */
        boolean compact;
        long unscaled;
        int scale;
        private BigDecimal big;

        /** @return false when {@code value} is not a finite number */
        boolean parse(Object value) {
            if (value instanceof Double d && Double.isFinite(d)) {
                long b = Double.doubleToRawLongBits(d);
                int slot = (int) ((b * 0x9E3779B97F4A7C15L) >>> 54);
                if (texts[slot] != null && bits[slot] == b) {
                    text = texts[slot];
                    big = bigs[slot];
                    compact = big == null;
                    unscaled = unscaleds[slot];
                    scale = scales[slot];
                    return true;
                }
                fromShortest(NumberOutput.toString(d.doubleValue(), true));
                bits[slot] = b;
                texts[slot] = text;
                bigs[slot] = compact ? null : big;
                unscaleds[slot] = unscaled;
                scales[slot] = scale;
                return true;
            }
            String shortest = shortest(value);
            if (shortest != null) {
                fromShortest(shortest);
                return true;
            }
            String trimmed = value instanceof String s ? s.trim() : null;
            if (trimmed != null && plainDigits(trimmed)) {
                text = trimmed;
                return true;
            }
            BigDecimal exact = of(value);
            if (exact == null) {
                return false;
            }
            text = text(value, exact);
            compact = false;
            big = exact;
            return true;
        }

        /** The exact value; a compact one is made a BigDecimal only here. */
        BigDecimal exact() {
            return compact ? BigDecimal.valueOf(unscaled, scale) : big;
        }

        private void fromShortest(String shortest) {
            if (plainDigits(shortest)) {
                // -0.0 reads as 0.0: BigDecimal, and so PostgreSQL's text of it, has no negative zero
                text = unscaled == 0 && shortest.charAt(0) == '-' ? shortest.substring(1) : shortest;
                return;
            }
            // An exponent is written as BigDecimal writes it (1.5E+10).
            compact = false;
            big = new BigDecimal(shortest);
            text = big.toString();
        }

        /**
         * Reads {@code s} as an optional sign, digits and at most one point, at least one digit, and
         * at most 18 of them after leading zeros (so the unscaled value fits a long): what BigDecimal
         * and PostgreSQL both read as the same number. Sets {@link #unscaled} and {@link #scale}.
         *
         * @return false, leaving the value to BigDecimal, for anything else
         */
        private boolean plainDigits(String s) {
            int n = s.length();
            int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
            boolean negative = i == 1 && s.charAt(0) == '-';
            long u = 0;
            int digits = 0;
            int significant = 0;
            int point = -1;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                    if (u != 0 || c != '0') {
                        if (++significant > 18) {
                            return false;
                        }
                    }
                    u = u * 10 + (c - '0');
                } else if (c == '.' && point < 0) {
                    point = i;
                } else {
                    return false;
                }
            }
            if (digits == 0) {
                return false;
            }
            compact = true;
            big = null;
            unscaled = negative ? -u : u;
            scale = point < 0 ? 0 : n - point - 1;
            return true;
        }
    }

    /**
     * A finite DOUBLE or FLOAT's shortest round-tripping decimal (Schubfach, as Java 19's
     * Double.toString; Java 17's is slower and now and then a digit longer than needed), else null.
     */
    private static String shortest(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? NumberOutput.toString(d.doubleValue(), true) : null;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? NumberOutput.toString(f.floatValue(), true) : null;
        }
        return null;
    }

    /** @return the exact value, or null when {@code value} is not a finite number */
    static BigDecimal of(Object value) {
        String shortest = shortest(value);
        if (shortest != null) {
            return new BigDecimal(shortest);
        }
        if (value instanceof String s) {
            return parse(s);
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return null;
    }

    /** The text PostgreSQL is given: a text value as the file wrote it, anything else from its exact value. */
    static String text(Object value, BigDecimal exact) {
        return value instanceof String s ? s.trim() : exact.toString();
    }

    private static BigDecimal parse(String text) {
        String s = text.trim();
        if (s.isEmpty() || !plausible(s)) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Rejects what BigDecimal would accept but PostgreSQL would not, and saves a parse on obvious junk. */
    private static boolean plausible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    /** PostgreSQL's numeric holds up to 131072 digits before the decimal point and 16383 after it. */
    static final int MAX_INTEGER_DIGITS = 131_072;
    static final int MAX_FRACTION_DIGITS = 16_383;

    /** @return null when PostgreSQL can store the decimal, else what is wrong with it */
    static String outOfRange(BigDecimal d) {
        long integerDigits = (long) d.precision() - d.scale();
        if (d.signum() != 0 && integerDigits > MAX_INTEGER_DIGITS) {
            return "has " + integerDigits + " digits before the decimal point; at most " + MAX_INTEGER_DIGITS + " can be stored";
        }
        if (d.scale() > MAX_FRACTION_DIGITS) {
            return "has " + d.scale() + " digits after the decimal point; at most " + MAX_FRACTION_DIGITS + " can be stored";
        }
        return null;
    }
}
