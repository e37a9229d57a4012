package com.stategraph.billing.format;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sync noticed that does not stop a load but that a FinOps engineer should see: values
 * FOCUS does not allow, negative list costs, several currencies in one source. Each kind is
 * counted, with a few sample rows.
 */
public final class ConformanceFindings {
    static final int SAMPLES = 5;

    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, Long> currencies = new TreeMap<>();

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z]{3}");

    /**
     * Where a finding was seen: the file and data row, and a value of our own (a period, a currency code); a
     * value the file holds is never quoted. Each null where it does not apply.
     */
    @Schema(name = "SyncWarningSample")
    public record Sample(@Schema(nullable = true) String file, long row, @Schema(nullable = true) String value) {
    }

    /** One kind of finding, how often it occurred and a few samples. */
    @Schema(name = "SyncWarning")
    public record Warning(String code, String message, long count, List<Sample> samples) {
    }

    private static final class Finding {
        final String message;
        long count;
        final List<Sample> samples = new ArrayList<>();

        Finding(String message) {
            this.message = message;
        }
    }

    void record(String code, String message, String file, long row, String value) {
        Finding f = findings.computeIfAbsent(code, c -> new Finding(message));
        f.count++;
        if (f.samples.size() < SAMPLES) {
            f.samples.add(new Sample(file, row, value));
        }
    }

    void currency(String code) {
        currencies.merge(code, 1L, Long::sum);
    }

    public List<Warning> warnings() {
        List<Warning> out = new ArrayList<>();
        findings.forEach((code, f) -> out.add(new Warning(code, f.message, f.count, List.copyOf(f.samples))));
        if (currencies.size() > 1) {
            long rows = currencies.values().stream().mapToLong(Long::longValue).sum();
            // A currency code is named only when it is one (three capital letters): anything else is the file's text.
            List<Sample> perCurrency = currencies.entrySet().stream()
                    .map(e -> new Sample(null, e.getValue(), CODE.matcher(e.getKey()).matches() ? e.getKey() : null))
                    .toList();
            out.add(new Warning("MIXED_CURRENCIES", "the rows are billed in " + currencies.size()
                    + " currencies " + perCurrency.stream().map(c -> c.value() == null ? "(not a currency code)" : c.value()).toList()
                    + "; their amounts are kept apart, never added", rows, perCurrency));
        }
        return out;
    }
}
