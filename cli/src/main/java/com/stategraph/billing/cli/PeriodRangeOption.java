package com.stategraph.billing.cli;

import picocli.CommandLine.Option;

/**
 * {@code --from} and {@code --to}: a range of billing periods (YYYY-MM, to exclusive), as the API's
 * from and to; and {@code --currency}, the one the answer is converted into.
 */
class PeriodRangeOption {
    @Option(names = "--from", description = "First billing period, YYYY-MM (default: three months ago)")
    java.time.YearMonth from;

    @Option(names = "--to", description = "Billing period after the last, YYYY-MM (default: next month)")
    java.time.YearMonth to;

    @Option(names = "--currency", description = "Convert every amount into this currency (ISO 4217) at its period's exchange rate")
    String currency;

    /** {@code ?from=...&to=...&currency=...} of what was given, or empty. */
    String query() {
        Values.ordered(from, to);
        return QueryString.of("from", from == null ? null : from.toString(), "to", to == null ? null : to.toString(), "currency", currency);
    }
}
