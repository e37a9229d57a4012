package com.stategraph.billing.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts for people: rounded to the currency's minor units (cents for USD, none for JPY) with
 * thousands grouped and the currency named; {@link #exact} keeps every digit, for tooltips.
 */
public final class Money {
    private Money() {
    }

    /** {@code USD 1,444.63}. */
    public static String format(String amount, String currency) {
        int digits = minorUnits(currency);
        BigDecimal value = new BigDecimal(amount).setScale(digits, RoundingMode.HALF_UP);
        return currency + " " + grouped(digits, digits).format(value);
    }

    /** {@code USD 1,444.6251}: every digit of the exact amount, at least the minor units. */
    public static String exact(String amount, String currency) {
        BigDecimal value = new BigDecimal(amount);
        int digits = minorUnits(currency);
        int scale = Math.max(0, value.stripTrailingZeros().scale());
        return currency + " " + grouped(digits, Math.max(scale, digits)).format(value);
    }

    /**
     * A difference as people read it, from its percentage of the estimate: {@code +12 %}, {@code -8 %}, or from
     * twice the estimate on {@code x3.4} (how many times the estimate), never a ratio of four decimals.
     */
    public static String difference(BigDecimal percent) {
        BigDecimal times = percent.divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP).add(BigDecimal.ONE);
        if (times.compareTo(BigDecimal.valueOf(2)) >= 0) {
            return "x" + times.setScale(1, RoundingMode.HALF_UP).toPlainString();
        }
        BigDecimal shown = percent.abs().compareTo(BigDecimal.ONE) < 0 ? percent.setScale(1, RoundingMode.HALF_UP)
                : percent.setScale(0, RoundingMode.HALF_UP);
        return (shown.signum() > 0 ? "+" : "") + shown.toPlainString() + " %";
    }

    static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2; // a code Java does not know: cents are the common case
        }
    }

    private static DecimalFormat grouped(int minDigits, int maxDigits) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(minDigits);
        f.setMaximumFractionDigits(maxDigits);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
