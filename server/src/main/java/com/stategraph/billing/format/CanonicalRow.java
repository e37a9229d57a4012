package com.stategraph.billing.format;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One normalised FOCUS row: as text ready for PostgreSQL, a value per {@link FocusColumn} (null
 * when absent) and the columns FOCUS does not name as one JSON object; typed, what sums are made
 * of (each decimal's exact value, {@code ChargePeriodStart} and its UTC day, the billing period:
 * the UTC month of {@code BillingPeriodStart}), so no consumer parses the text again. Reused from
 * row to row: copy what must outlive it.
 */
public final class CanonicalRow {
    final String[] values = new String[FocusColumn.values().length];
    /** A decimal column's value when it is not compact ({@link DecimalText.Parsed}); else null. */
    final BigDecimal[] decimals = new BigDecimal[FocusColumn.values().length];
    /** A compact decimal column's unscaled value and scale. */
    final long[] unscaled = new long[FocusColumn.values().length];
    final int[] scales = new int[FocusColumn.values().length];
    String extra;
    LocalDate billingPeriod;
    LocalDate chargeDay;
    java.time.Instant chargeStart;

    public String get(FocusColumn column) {
        return values[column.ordinal()];
    }

    /** Makes this row a copy of {@code other} (the values themselves are immutable and shared). */
    public void copyFrom(CanonicalRow other) {
        System.arraycopy(other.values, 0, values, 0, values.length);
        System.arraycopy(other.decimals, 0, decimals, 0, decimals.length);
        System.arraycopy(other.unscaled, 0, unscaled, 0, unscaled.length);
        System.arraycopy(other.scales, 0, scales, 0, scales.length);
        extra = other.extra;
        billingPeriod = other.billingPeriod;
        chargeDay = other.chargeDay;
        chargeStart = other.chargeStart;
    }

    /**
     * Copies this row's text into {@code column}'s slot {@code row} of a column-major buffer: one
     * array per {@link FocusColumn} in order, then one for {@link #extra()}.
     */
    public void copyInto(String[][] columns, int row) {
        for (int c = 0; c < values.length; c++) {
            columns[c][row] = values[c];
        }
        columns[values.length][row] = extra;
    }

    /** JSON object of every column outside the FOCUS model, or null when the file has none with a value. */
    public String extra() {
        return extra;
    }

    public LocalDate billingPeriod() {
        return billingPeriod;
    }

    /** The exact value of a decimal column, or null when absent. */
    public BigDecimal decimal(FocusColumn column) {
        int c = column.ordinal();
        if (values[c] == null || decimals[c] != null) {
            return decimals[c];
        }
        return BigDecimal.valueOf(unscaled[c], scales[c]);
    }

    /**
     * Whether a decimal column's value is {@link #unscaled} at {@link #scale}, so a sum can take it
     * without a BigDecimal; false when absent or too long for a long.
     */
    public boolean isCompact(FocusColumn column) {
        int c = column.ordinal();
        return values[c] != null && decimals[c] == null;
    }

    /** A compact decimal's unscaled value ({@link #isCompact}). */
    public long unscaled(FocusColumn column) {
        return unscaled[column.ordinal()];
    }

    /** A compact decimal's scale ({@link #isCompact}). */
    public int scale(FocusColumn column) {
        return scales[column.ordinal()];
    }

    /** The sign of a decimal column's value; 0 when absent. */
    int signum(FocusColumn column) {
        int c = column.ordinal();
        if (values[c] == null) {
            return 0;
        }
        return decimals[c] != null ? decimals[c].signum() : Long.signum(unscaled[c]);
    }

    /** {@code ChargePeriodStart}. */
    public java.time.Instant chargeStart() {
        return chargeStart;
    }

    /** The UTC day of {@code ChargePeriodStart}. */
    public LocalDate chargeDay() {
        return chargeDay;
    }
}
