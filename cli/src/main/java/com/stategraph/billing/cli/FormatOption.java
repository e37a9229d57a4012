package com.stategraph.billing.cli;

import picocli.CommandLine.Option;

/** {@code --format table|json|simple|csv} for commands that print results. */
class FormatOption {
    @Option(names = "--format", defaultValue = "table",
            description = "table, json, simple (tab-separated, no header) or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;
}
