package com.stategraph.billing.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Amounts in tables for people: the currency's minor units, thousands grouped ({@code 1,444.63}). */
final class Money {
    private Money() {
    }

    static String format(String amount, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            digits = 2; // a code Java does not know: cents are the common case
        }
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(RoundingMode.HALF_UP);
        // rounded first: DecimalFormat keeps the sign of -0.000255 and would print -0.00
        return f.format(new BigDecimal(amount).setScale(digits, RoundingMode.HALF_UP));
    }

    /** A quantity: thousands grouped, up to three decimals, none when whole ({@code 1,460}, {@code 0.5}). */
    static String number(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    /** A difference from its percentage of the estimate: {@code +12 %}, {@code -8 %}, or from twice the estimate on {@code x3.4}. */
    static String difference(BigDecimal percent) {
        BigDecimal times = percent.divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP).add(BigDecimal.ONE);
        if (times.compareTo(BigDecimal.valueOf(2)) >= 0) {
            return "x" + times.setScale(1, RoundingMode.HALF_UP).toPlainString();
        }
        BigDecimal shown = percent.abs().compareTo(BigDecimal.ONE) < 0 ? percent.setScale(1, RoundingMode.HALF_UP)
                : percent.setScale(0, RoundingMode.HALF_UP);
        return (shown.signum() > 0 ? "+" : "") + shown.toPlainString() + " %";
    }
}
