package com.stategraph.billing.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one file's rows into canonical FOCUS rows: columns matched by name whatever their case
 * or FOCUS version, values checked and converted by column kind, every other column kept in
 * {@code extra}. A value that cannot be converted stops the file with its row and column.
 */
public final class FocusNormaliser {
    private final String uri;
    private final List<String> header;
    private final FocusColumn[] mapping;
    private final ConformanceFindings findings;
    private final TimestampText timestamps = new TimestampText();
    private final KeyValueJson keyValues = new KeyValueJson();
    private final Map<Instant, LocalDate> periods = new HashMap<>();
    /** Consecutive rows are mostly charged on the same day: one LocalDate for them. */
    private LocalDate lastDay;
    private final CanonicalRow row = new CanonicalRow();
    private final DecimalText.Parsed parsed = new DecimalText.Parsed();
    private static final int EXTRA_CACHE_LIMIT = 4096;
    private final int[] extraColumns;
    private final Map<List<Object>, String> extras = new HashMap<>();

    public FocusNormaliser(String uri, List<String> header, ConformanceFindings findings) {
        this.uri = uri;
        this.header = header;
        this.findings = findings;
        this.mapping = new FocusColumn[header.size()];
        boolean[] seen = new boolean[FocusColumn.values().length];
        for (int i = 0; i < header.size(); i++) {
            FocusColumn c = FocusColumn.byName(header.get(i)).orElse(null);
            // A second column for the same FOCUS column (say BilledCost and billedcost) is kept as extra.
            if (c != null && !seen[c.ordinal()]) {
                seen[c.ordinal()] = true;
                mapping[i] = c;
            }
        }
        extraColumns = java.util.stream.IntStream.range(0, mapping.length).filter(i -> mapping[i] == null).toArray();
        List<String> missing = new ArrayList<>();
        for (FocusColumn required : FocusColumn.REQUIRED) {
            if (!seen[required.ordinal()]) {
                missing.add(required.focusName());
            }
        }
        if (!missing.isEmpty()) {
            throw new FormatException(uri, "missing mandatory FOCUS column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (the file's header has " + header.size() + " column"
                    + (header.size() == 1 ? "" : "s") + "; a CSV export is comma-separated UTF-8 with FOCUS's column names)");
        }
    }

    /** @throws FormatException naming the row and column of a value that cannot be loaded */
    public CanonicalRow normalise(Object[] values, long rowNumber) {
        Arrays.fill(row.values, null);
        Arrays.fill(row.decimals, null);
        Instant periodStart = null;
        for (int i = 0; i < mapping.length; i++) {
            Object v = values[i];
            FocusColumn c = mapping[i];
            if (v == null || c == null) {
                continue;
            }
            switch (c.kind()) {
                case TEXT -> row.values[c.ordinal()] = text(c, v, i, rowNumber);
                case DECIMAL -> decimal(c, v, i, rowNumber);
                case TIMESTAMP -> {
                    Instant instant = instant(v, i, rowNumber);
                    if (c == FocusColumn.BILLING_PERIOD_START) {
                        periodStart = instant;
                    } else if (c == FocusColumn.CHARGE_PERIOD_START) {
                        row.chargeStart = instant;
                        row.chargeDay = utcDay(instant);
                    }
                    row.values[c.ordinal()] = timestamps.format(instant);
                }
                case JSON -> row.values[c.ordinal()] = json(v, i, rowNumber);
            }
        }
        for (FocusColumn required : FocusColumn.REQUIRED) {
            if (row.values[required.ordinal()] == null) {
                throw new FormatException(uri, rowNumber, nameOf(required), "is empty; FOCUS requires a value");
            }
        }
        row.billingPeriod = periods.computeIfAbsent(periodStart,
                p -> p.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
        row.extra = extra(values);
        checkConformance(rowNumber);
        return row;
    }

    /**
     * The columns FOCUS does not name, as one JSON object. Their values repeat from row to row
     * (x_ServiceCode, x_UsageType...), so recent objects are remembered by their values.
     */
    private String extra(Object[] values) {
        if (extraColumns.length == 0) {
            return null;
        }
        Object[] key = new Object[extraColumns.length];
        boolean any = false;
        for (int j = 0; j < extraColumns.length; j++) {
            key[j] = values[extraColumns[j]];
            any |= key[j] != null;
        }
        if (!any) {
            return null;
        }
        List<Object> cacheKey = Arrays.asList(key);
        String cached = extras.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        for (int j = 0; j < extraColumns.length; j++) {
            if (key[j] != null) {
                extra.set(header.get(extraColumns[j]), KeyValueJson.node(key[j]));
            }
        }
        String json = KeyValueJson.JSON.writeValueAsString(extra);
        if (extras.size() >= EXTRA_CACHE_LIMIT) {
            extras.clear();
        }
        extras.put(cacheKey, json);
        return json;
    }

    private void checkConformance(long rowNumber) {
        String currency = row.values[FocusColumn.BILLING_CURRENCY.ordinal()];
        findings.currency(currency);
        if (row.signum(FocusColumn.LIST_COST) < 0) {
            // FOCUS gives credits, adjustments and corrections negative costs by design: only other lines are odd
            String category = row.values[FocusColumn.CHARGE_CATEGORY.ordinal()];
            String known = category == null ? null : FocusValues.canonical(FocusColumn.CHARGE_CATEGORY, category);
            String chargeClass = row.values[FocusColumn.CHARGE_CLASS.ordinal()];
            boolean byDesign = "Credit".equals(known) || "Adjustment".equals(known)
                    || chargeClass != null && "Correction".equals(FocusValues.canonical(FocusColumn.CHARGE_CLASS, chargeClass));
            if (!byDesign) {
                // the sample's value is the line's charge category where it is one FOCUS knows: ours, not the file's text
                findings.record("NEGATIVE_LIST_COST", "ListCost is negative on lines that are not a credit, adjustment or"
                        + " correction (the samples give each line's charge category)", uri, rowNumber, known);
            }
        }
    }

    private String text(FocusColumn c, Object v, int column, long rowNumber) {
        String s = v instanceof String str ? str : KeyValueJson.node(v).asString();
        if (s.isEmpty() || !FocusValues.isEnumerated(c)) {
            return s;
        }
        String canonical = FocusValues.canonical(c, s);
        if (canonical != null) {
            return canonical;
        }
        // The file and row say where; the value itself is the file's content, which a warning never quotes.
        findings.record("UNKNOWN_" + c.name(), c.focusName() + " has a value FOCUS does not allow", uri, rowNumber, null);
        return s;
    }

    private void decimal(FocusColumn c, Object v, int column, long rowNumber) {
        if (!parsed.parse(v)) {
            throw new FormatException(uri, rowNumber, header.get(column), "a value of " + length(v) + " is not a decimal number");
        }
        // A double always fits; text or a Parquet DECIMAL can be out of range only with many digits.
        if (!(v instanceof Double || v instanceof Float) && manyDigits()) {
            String problem = DecimalText.outOfRange(parsed.exact());
            if (problem != null) {
                throw new FormatException(uri, rowNumber, header.get(column), "the value " + problem);
            }
        }
        int i = c.ordinal();
        row.values[i] = parsed.text;
        row.decimals[i] = parsed.compact ? null : parsed.exact();
        row.unscaled[i] = parsed.unscaled;
        row.scales[i] = parsed.scale;
    }

    private boolean manyDigits() {
        if (parsed.compact) {
            return parsed.scale > 40;
        }
        java.math.BigDecimal exact = parsed.exact();
        return exact.precision() > 40 || Math.abs(exact.scale()) > 40;
    }

    private LocalDate utcDay(Instant instant) {
        long epochDay = Math.floorDiv(instant.getEpochSecond(), 86_400L);
        if (lastDay == null || lastDay.toEpochDay() != epochDay) {
            lastDay = LocalDate.ofEpochDay(epochDay);
        }
        return lastDay;
    }

    private Instant instant(Object v, int column, long rowNumber) {
        Instant instant;
        if (v instanceof Instant i) {
            instant = i;
        } else if (v instanceof String s) {
            try {
                instant = timestamps.parse(s);
            } catch (DateTimeParseException e) {
                throw new FormatException(uri, rowNumber, header.get(column), "a value of " + length(s) + " is not a date-time");
            }
        } else {
            throw new FormatException(uri, rowNumber, header.get(column), "a " + v.getClass().getSimpleName()
                    + " value is not a date-time");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new FormatException(uri, rowNumber, header.get(column), "the date-time is outside the years"
                    + " 0001 to 9999");
        }
        return instant;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private String json(Object v, int column, long rowNumber) {
        try {
            return keyValues.normalise(v);
        } catch (IllegalArgumentException e) {
            throw new FormatException(uri, rowNumber, header.get(column), e.getMessage() + " (a value of " + length(v) + ")");
        }
    }

    private String nameOf(FocusColumn c) {
        for (int i = 0; i < mapping.length; i++) {
            if (mapping[i] == c) {
                return header.get(i);
            }
        }
        return c.focusName();
    }

    /**
     * How long a refused value is: a message names the file, row and column, never the value, so no
     * content of a file reaches an answer, a log or a notification.
     */
    private static String length(Object v) {
        int n = String.valueOf(v).length();
        return n == 1 ? "1 character" : n + " characters";
    }
}
