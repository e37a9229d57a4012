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
     * One value's exact decimal and its text for PostgreSQL; reused from value to value. The
     * decimals of recent doubles are remembered: a line repeats its cost as billed, effective and
     * contracted cost, and its quantity as consumed and pricing quantity, and exports repeat prices.
     */
    static final class Parsed {
        private static final int REMEMBERED = 1024;
        private final long[] bits = new long[REMEMBERED];
        private final BigDecimal[] exacts = new BigDecimal[REMEMBERED];
        private final String[] texts = new String[REMEMBERED];
        BigDecimal exact;
        String text;

        /** @return false when {@code value} is not a finite number */
        boolean parse(Object value) {
            if (value instanceof Double d && Double.isFinite(d)) {
                long b = Double.doubleToRawLongBits(d);
                int slot = (int) ((b * 0x9E3779B97F4A7C15L) >>> 54);
                if (exacts[slot] != null && bits[slot] == b) {
                    exact = exacts[slot];
                    text = texts[slot];
                    return true;
                }
                fromShortest(NumberOutput.toString(d.doubleValue(), true));
                bits[slot] = b;
                exacts[slot] = exact;
                texts[slot] = text;
                return true;
            }
            String shortest = shortest(value);
            if (shortest != null) {
                fromShortest(shortest);
                return true;
            }
            exact = of(value);
            text = exact == null ? null : text(value, exact);
            return exact != null;
        }

        private void fromShortest(String shortest) {
            exact = new BigDecimal(shortest);
            // Plain digits read back as the same text; an exponent is written as BigDecimal writes it (1.5E+10), -0.0 as 0.0.
            text = shortest.indexOf('E') < 0 && !(shortest.charAt(0) == '-' && exact.signum() == 0) ? shortest : exact.toString();
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

    static boolean isNegative(BigDecimal d) {
        return d.signum() < 0;
    }
}
