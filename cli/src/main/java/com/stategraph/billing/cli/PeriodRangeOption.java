package com.stategraph.billing.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --from} and {@code --to}: a range of billing periods (YYYY-MM, to exclusive), as the API's from and to. */
class PeriodRangeOption {
    @Option(names = "--from", description = "First billing period, YYYY-MM (default: three months ago)")
    String from;

    @Option(names = "--to", description = "Billing period after the last, YYYY-MM (default: next month)")
    String to;

    /** {@code ?from=...&to=...} of the months given, or empty. */
    String query() {
        List<String> query = new ArrayList<>();
        if (from != null) {
            query.add("from=" + PathSegment.encode(from));
        }
        if (to != null) {
            query.add("to=" + PathSegment.encode(to));
        }
        return query.isEmpty() ? "" : "?" + String.join("&", query);
    }
}
