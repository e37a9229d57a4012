package com.stategraph.billing.format;

/** How a FOCUS column's values are checked and written. */
public enum ColumnKind {
    TEXT, DECIMAL, TIMESTAMP, JSON
}
