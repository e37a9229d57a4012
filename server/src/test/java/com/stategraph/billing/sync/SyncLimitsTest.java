package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.format.ReadLimits;
import com.stategraph.billing.format.RowGroupMemory;
import org.junit.jupiter.api.Test;

/** Each file gets the per-file limits, or what is left of the sync's when that is less, with the rule that applies. */
class SyncLimitsTest {
    private final SyncLimits limits = new SyncLimits(256L << 20, 1000, 50, 2500, 120, 100);

    @Test
    void theFirstFilesGetThePerFileLimits() {
        ReadLimits first = limits.forFile(RowGroupMemory.UNLIMITED, 0, 0);
        assertThat(first.maxBytes()).isEqualTo(1000);
        assertThat(first.bytesRule()).contains("per file").contains("STATEGRAPH_SYNC_MAX_FILE_BYTES");
        assertThat(first.maxRows()).isEqualTo(50);
        assertThat(first.rowsRule()).contains("STATEGRAPH_SYNC_MAX_FILE_ROWS");
        assertThat(first.maxRowGroupBytes()).isEqualTo(256L << 20);
        assertThat(first.maxExpansion()).isEqualTo(100);
    }

    @Test
    void aLaterFileGetsWhatIsLeftOfTheSyncsLimitsWhenThatIsLess() {
        long bytesSoFar = 2000;
        long rowsSoFar = 100;
        ReadLimits later = limits.forFile(RowGroupMemory.UNLIMITED, bytesSoFar, rowsSoFar);
        assertThat(later.maxBytes()).isEqualTo(2500 - bytesSoFar);
        assertThat(later.bytesRule()).contains("STATEGRAPH_SYNC_MAX_BYTES").contains(ReadLimits.size(bytesSoFar));
        assertThat(later.maxRows()).isEqualTo(120 - rowsSoFar);
        assertThat(later.rowsRule()).contains("STATEGRAPH_SYNC_MAX_ROWS").contains(String.valueOf(rowsSoFar));

        ReadLimits past = limits.forFile(RowGroupMemory.UNLIMITED, 9999, 999);
        assertThat(past.maxBytes()).as("nothing left, never negative").isZero();
        assertThat(past.maxRows()).isZero();
    }
}
