package com.stategraph.billing.load;

/**
 * A decimal's text as PostgreSQL's binary numeric: base-10,000 digits from the first non-zero one
 * to the last, the weight of the first, the sign and the display scale. The same value and scale
 * as PostgreSQL's own reading of the text ({@code numeric_in}): digits after the point, less the
 * exponent, never below 0. Reused from value to value.
 */
final class NumericBinary {
    /** Beyond any decimal the normaliser lets through (it checks PostgreSQL's limits). */
    private static final int MAX_EXPONENT = 1_000_000;
    private static final int[] POW10 = {1, 10, 100, 1000};

    short[] digits = new short[16];
    int ndigits;
    int weight;
    boolean negative;
    int dscale;

    /**
     * Reads {@code text}: an optional sign, digits with an optional point, an optional exponent.
     *
     * @throws NumberFormatException when it is not such a decimal
     */
    void set(String text) {
        int n = text.length();
        int i = 0;
        negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int point = -1;
        int first = -1;
        int last = -1;
        int digitCount = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
                digitCount++;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                break;
            }
        }
        if (digitCount == 0) {
            throw new NumberFormatException("not a decimal: no digits");
        }
        int mantissaEnd = i;
        long exponent = 0;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            exponent = exponent(text, i + 1);
        } else if (i < n) {
            throw new NumberFormatException("not a decimal: unexpected character at " + i);
        }
        if (point < 0) {
            point = mantissaEnd;
        }
        int fractionDigits = mantissaEnd - point - (point < mantissaEnd ? 1 : 0);
        dscale = (int) Math.max(0, fractionDigits - exponent);
        if (first < 0) {
            zero();
            return;
        }
        // The decimal exponent of each digit: the one just before the point is 10^0.
        long firstPower = power(first, point, exponent);
        long lastPower = power(last, point, exponent);
        weight = (int) Math.floorDiv(firstPower, 4);
        int lastGroup = (int) Math.floorDiv(lastPower, 4);
        ndigits = weight - lastGroup + 1;
        if (digits.length < ndigits) {
            digits = new short[Math.max(ndigits, digits.length * 2)];
        }
        // Digit by digit, from the first non-zero one: its place in its group of four, counting down.
        int place = (int) Math.floorMod(firstPower, 4);
        int group = 0;
        int value = 0;
        for (int j = first; j <= last; j++) {
            char c = text.charAt(j);
            if (c == '.') {
                continue;
            }
            value += (c - '0') * POW10[place];
            if (--place < 0) {
                digits[group++] = (short) value;
                value = 0;
                place = 3;
            }
        }
        if (group < ndigits) {
            digits[group] = (short) value;
        }
    }

    /**
     * The decimal {@code unscaled} &times; 10<sup>-scale</sup>, as {@link #set(String)} reads its plain text: base-10,000
     * digits from the long, without the text (the blocks of a 958,000-resource commit write four sums each).
     */
    void set(long unscaled, int scale) {
        // Padded to whole groups of four fraction digits; beyond a long, or a scale past 18, through the text.
        int pad = (4 - scale % 4) % 4;
        if (scale < 0 || scale > 18 || unscaled == Long.MIN_VALUE || Math.abs(unscaled) > Long.MAX_VALUE / 1000) {
            set(java.math.BigDecimal.valueOf(unscaled, scale).toPlainString());
            return;
        }
        dscale = scale;
        if (unscaled == 0) {
            zero();
            return;
        }
        negative = unscaled < 0;
        long v = Math.abs(unscaled) * POW10[pad];
        int fractionGroups = (scale + pad) / 4;
        // groups from the least significant; the trailing zero ones are not digits
        int trailing = 0;
        while (v % 10_000 == 0) {
            v /= 10_000;
            trailing++;
        }
        int count = 0;
        for (long rest = v; rest != 0; rest /= 10_000) {
            count++;
        }
        if (digits.length < count) {
            digits = new short[Math.max(count, digits.length * 2)];
        }
        for (int i = count - 1; i >= 0; i--) {
            digits[i] = (short) (v % 10_000);
            v /= 10_000;
        }
        ndigits = count;
        weight = count + trailing - fractionGroups - 1;
    }

    private void zero() {
        ndigits = 0;
        weight = 0;
        negative = false;
    }

    /** The decimal exponent of the digit at {@code at}, the point being at {@code point}. */
    private static long power(int at, int point, long exponent) {
        return (at < point ? point - at - 1 : point - at) + exponent;
    }

    private static long exponent(String text, int from) {
        int i = from;
        boolean minus = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            minus = text.charAt(i) == '-';
            i++;
        }
        if (i == text.length()) {
            throw new NumberFormatException("not a decimal: an exponent without digits");
        }
        long e = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a decimal: unexpected character at " + i);
            }
            e = e * 10 + (c - '0');
            if (e > MAX_EXPONENT) {
                throw new NumberFormatException("not a decimal: exponent out of range");
            }
        }
        return minus ? -e : e;
    }
}
