package com.stategraph.billing.costs;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One summed cell: a group's key, its currency, the period (null for a total) and the cost. A
 * folded cell is the sum of every group below the query's limit in that currency ("other"),
 * already ranked and summed by the database.
 */
record CostRow(String key, String currency, LocalDate period, BigDecimal cost, boolean folded) {
    CostRow(String key, String currency, LocalDate period, BigDecimal cost) {
        this(key, currency, period, cost, false);
    }
}
