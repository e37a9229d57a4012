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
