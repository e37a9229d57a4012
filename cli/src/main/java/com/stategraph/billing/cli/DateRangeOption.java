package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --from} and {@code --to}: a range of days, as the API's from and to parameters. */
class DateRangeOption {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: the first of this month)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Day after the last (default: tomorrow)")
    String to;

    /** The parameters set, each {@code name=value}, encoded. */
    List<String> parameters() {
        List<String> p = new ArrayList<>();
        if (from != null) {
            p.add("from=" + PathSegment.encode(from));
        }
        if (to != null) {
            p.add("to=" + PathSegment.encode(to));
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
