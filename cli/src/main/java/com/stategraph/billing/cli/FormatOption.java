package com.stategraph.billing.cli;

import picocli.CommandLine.Option;

/** {@code --format table|json|simple} for list commands. */
class FormatOption {
    @Option(names = "--format", defaultValue = "table", description = "table, json or simple (default: ${DEFAULT-VALUE})")
    OutputFormat format;
}
