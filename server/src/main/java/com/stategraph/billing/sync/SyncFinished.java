package com.stategraph.billing.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sync run that ended, as the run history records it: for metrics and notifications.
 *
 * @param warnings each warning's code and message
 * @param bytes the bytes of the files read
 * @param dataChanged whether the sync changed the source's rows (false when every period was unchanged, or it failed)
 */
public record SyncFinished(UUID tenantId, UUID sourceId, String provider, UUID runId, boolean ok, String error,
                           List<Warning> warnings, long rows, long bytes, Duration duration, Instant finishedAt,
                           boolean dataChanged) {

    public record Warning(String code, String message, long count) {
    }

    public String status() {
        return ok ? "ok" : "error";
    }
}
