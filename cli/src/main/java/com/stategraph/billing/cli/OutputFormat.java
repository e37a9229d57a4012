package com.stategraph.billing.cli;

/** table: aligned for people; json: the API's answer; simple: tab-separated, no header; csv: RFC 4180 with a header. */
enum OutputFormat {
    TABLE, JSON, SIMPLE, CSV
}
