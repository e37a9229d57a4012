package com.stategraph.billing.costs;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One summed cell: a group's key, its currency, the period (null for a total) and the cost. */
record CostRow(String key, String currency, LocalDate period, BigDecimal cost) {
}
