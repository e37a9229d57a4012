package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --from} and {@code --to}: a range of days, as the API's from and to parameters. */
class DateRangeOption {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: the first of this month)")
    java.time.LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Day after the last (default: tomorrow)")
    java.time.LocalDate to;

    /** The parameters set, each {@code name=value}. */
    List<String> parameters() {
        Values.ordered(from, to);
        List<String> p = new ArrayList<>();
        if (from != null) {
            p.add("from=" + from);
        }
        if (to != null) {
            p.add("to=" + to);
        }
        return p;
    }

    /** The query string of the range and a metric (each when given): {@code ?from=...&metric=...}, or empty. */
    String query(String metric) {
        List<String> p = parameters();
        if (metric != null) {
            p.add("metric=" + PathSegment.encode(metric));
        }
        return p.isEmpty() ? "" : "?" + String.join("&", p);
    }
}
