package com.stategraph.billing.costs;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Amounts of any currency into one, at a month's rate: how a view answers in a reporting currency. */
public interface MonthlyConversion {
    String target();

    BigDecimal convert(BigDecimal amount, String currency, YearMonth month);
}
