package com.stategraph.billing.console;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Exact amounts for people: every digit kept, thousands grouped, the currency named. */
public final class Money {
    private Money() {
    }

    public static String format(String amount, String currency) {
        BigDecimal value = new BigDecimal(amount);
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        int scale = Math.max(0, value.stripTrailingZeros().scale());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(Math.max(scale, 2));
        return currency + " " + f.format(value);
    }
}
