package com.stategraph.billing.format;

import java.time.LocalDate;

/**
 * One normalised FOCUS row, as text ready for PostgreSQL: a value per {@link FocusColumn} (null
 * when absent), the columns FOCUS does not name as one JSON object, and the billing period (the
 * UTC month of {@code BillingPeriodStart}). Reused from row to row: copy what must outlive it.
 */
public final class CanonicalRow {
    final String[] values = new String[FocusColumn.values().length];
    String extra;
    LocalDate billingPeriod;

    public String get(FocusColumn column) {
        return values[column.ordinal()];
    }

    /** JSON object of every column outside the FOCUS model, or null when the file has none with a value. */
    public String extra() {
        return extra;
    }

    public LocalDate billingPeriod() {
        return billingPeriod;
    }
}
