package com.stategraph.billing.billing.sync;

import com.stategraph.billing.billing.format.FileKind;

/** A data file a sync will load. */
public record PlannedFile(String key, String uri, long size, FileKind kind) {
}
