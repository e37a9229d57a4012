package com.stategraph.billing.sync;

import com.stategraph.billing.format.FileKind;
import java.time.LocalDate;

/**
 * A data file a sync will load, with the billing period and FOCUS version the export's layout or
 * manifest gives it (null where they say nothing), and its version as the store listed it (null
 * when the store cannot tell).
 */
public record PlannedFile(String key, String uri, long size, FileKind kind, LocalDate period, String manifestFocusVersion,
                          String version) {

    /**
     * What must be the same for the file to hold the same rows as when it was last read: its bytes
     * (the store's version) and what the manifest says of it. Null when the store gave no version:
     * such a file is always read.
     */
    public String identity() {
        if (version == null || version.isBlank()) {
            return null;
        }
        return manifestFocusVersion == null ? version : version + "; manifest FOCUS " + manifestFocusVersion;
    }
}
