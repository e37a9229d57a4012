package com.stategraph.billing.sync;

import com.stategraph.billing.format.ReadLimits;
import com.stategraph.billing.format.RowGroupMemory;

/**
 * What one sync may read, per file and in all, counted uncompressed: a tenant admin can point a
 * source at any file, so the operator decides how much the server reads for it.
 */
public record SyncLimits(long maxRowGroupBytes, long maxFileBytes, long maxFileRows, long maxSyncBytes, long maxSyncRows,
                         int maxExpansion) {

    /** The limits for the next file of a sync that has read {@code bytesSoFar} and {@code rowsSoFar} already. */
    ReadLimits forFile(RowGroupMemory memory, long bytesSoFar, long rowsSoFar) {
        long syncBytesLeft = Math.max(0, maxSyncBytes - bytesSoFar);
        long syncRowsLeft = Math.max(0, maxSyncRows - rowsSoFar);
        boolean fileBytes = maxFileBytes <= syncBytesLeft;
        boolean fileRows = maxFileRows <= syncRowsLeft;
        return new ReadLimits(maxRowGroupBytes, memory,
                fileBytes ? maxFileBytes : syncBytesLeft,
                fileBytes ? "this server reads at most " + ReadLimits.size(maxFileBytes) + " uncompressed per file"
                        + " (STATEGRAPH_SYNC_MAX_FILE_BYTES); nothing was changed"
                        : "a sync reads at most " + ReadLimits.size(maxSyncBytes) + " uncompressed in all"
                        + " (STATEGRAPH_SYNC_MAX_BYTES) and the files before this one read " + ReadLimits.size(bytesSoFar)
                        + "; nothing was changed",
                fileRows ? maxFileRows : syncRowsLeft,
                fileRows ? "this server reads at most " + maxFileRows + " rows per file (STATEGRAPH_SYNC_MAX_FILE_ROWS);"
                        + " nothing was changed"
                        : "a sync reads at most " + maxSyncRows + " rows in all (STATEGRAPH_SYNC_MAX_ROWS) and the files"
                        + " before this one held " + rowsSoFar + "; nothing was changed",
                maxExpansion);
    }
}
