package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.db.BackgroundDatabase;
import com.stategraph.billing.support.SyncServerTest;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request meets the source's run still queued, and that run finishes before the request reads
 * it back. The request must then queue a run of its own rather than fail.
 */
class SyncRunRequestTest extends SyncServerTest {
    @Autowired
    BackgroundDatabase background;

    @Test
    void aRunThatFinishesWhileARequestReadsItBackLetsTheRequestQueueItsOwn() {
        UUID tenant = UUID.fromString(newTenant());
        UUID source = UUID.fromString(addSource(tenant.toString(), "aws", "file://" + tempDir("request-race-") + "/"));
        SyncRunRepository plain = new SyncRunRepository(background.jdbc(), background.tx());
        SyncRunRepository.Requested first = plain.requestRun(tenant, source, "manual", null, "first", 1, false);
        assertThat(first.created()).isTrue();

        FinishingOnFirstRead racing = new FinishingOnFirstRead(background, first.run().id());
        SyncRunRepository.Requested second = racing.requestRun(tenant, source, "manual", null, "second", 1, false);

        assertThat(racing.finishedBeforeRead).as("the race was staged").isTrue();
        assertThat(second.created()).as("the request queued its own run").isTrue();
        assertThat(second.run().id()).isNotEqualTo(first.run().id());
        assertThat(plain.active(tenant, source)).map(SyncRun::id).contains(second.run().id());
        assertThat(background.jdbc().sql("SELECT status FROM sync_runs WHERE id = ?").param(first.run().id())
                .query(String.class).single()).isEqualTo("ok");
    }

    /** Finishes the blocking run just before the request's first read of the active run, as a sync worker would. */
    private static final class FinishingOnFirstRead extends SyncRunRepository {
        private final BackgroundDatabase db;
        private final UUID blocking;
        private boolean finishedBeforeRead;

        FinishingOnFirstRead(BackgroundDatabase db, UUID blocking) {
            super(db.jdbc(), db.tx());
            this.db = db;
            this.blocking = blocking;
        }

        @Override
        public Optional<SyncRun> active(UUID tenantId, UUID sourceId) {
            if (!finishedBeforeRead) {
                finishedBeforeRead = db.jdbc().sql("UPDATE sync_runs SET status = 'ok', finished_at = now() WHERE id = ?")
                        .param(blocking).update() == 1;
            }
            return super.active(tenantId, sourceId);
        }
    }
}
