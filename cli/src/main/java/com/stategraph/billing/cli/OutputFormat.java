package com.stategraph.billing.cli;

enum OutputFormat {
    TABLE, JSON, SIMPLE
}
