package com.stategraph.billing.format;

import java.math.BigDecimal;

/**
 * Exact decimals for PostgreSQL {@code numeric} and for sums. Text and Parquet DECIMAL keep every digit;
 * a DOUBLE or FLOAT (only when the file itself holds one) becomes its shortest round-tripping
 * decimal, so {@code 0.1} stays {@code 0.1}, never {@code 0.1000000000000000055...}.
 */
final class DecimalText {
    private DecimalText() {
    }

    /** @return the exact value, or null when {@code value} is not a finite number */
    static BigDecimal of(Object value) {
        if (value instanceof String s) {
            return parse(s);
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null;
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
