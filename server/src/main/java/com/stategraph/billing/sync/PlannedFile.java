package com.stategraph.billing.sync;

import com.stategraph.billing.format.FileKind;
import java.time.LocalDate;

/**
 * A data file a sync will load, with the billing period and FOCUS version the export's layout or
 * manifest gives it (null where they say nothing).
 */
public record PlannedFile(String key, String uri, long size, FileKind kind, LocalDate period, String manifestFocusVersion) {
}
