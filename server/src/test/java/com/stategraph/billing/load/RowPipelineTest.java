package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stategraph.billing.format.CanonicalRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The hand-over between a sync's reading thread and its load's writing thread. */
class RowPipelineTest {

    @Test
    void everyRowReachesTheWriterInOrderAndFinishWaitsForTheLast() {
        List<Long> seen = new ArrayList<>();
        List<String> files = new ArrayList<>();
        long rows = RowPipeline.ROWS * (RowPipeline.BATCHES + 3L) + 17;
        try (RowPipeline pipeline = new RowPipeline((row, file, fileRow) -> {
            seen.add(fileRow);
            files.add(file);
        }, "test-writer")) {
            CanonicalRow row = new CanonicalRow();
            for (long r = 1; r <= rows; r++) {
                pipeline.add(row, r <= rows / 2 ? "a.csv" : "b.csv", r);
            }
            pipeline.finish();
        }
        assertThat(seen).hasSize((int) rows);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i + 1L);
        }
        assertThat(files.get(0)).isEqualTo("a.csv");
        assertThat(files.get(files.size() - 1)).isEqualTo("b.csv");
    }

    @Test
    void aFailureOfTheWriterIsThrownToTheReader() {
        RuntimeException refused = new IllegalStateException("the database refused row 1500");
        try (RowPipeline pipeline = new RowPipeline((row, file, fileRow) -> {
            if (fileRow == 1500) {
                throw refused;
            }
        }, "test-writer")) {
            CanonicalRow row = new CanonicalRow();
            assertThatThrownBy(() -> {
                for (long r = 1; r <= 100L * RowPipeline.ROWS; r++) {
                    pipeline.add(row, "a.csv", r);
                }
                pipeline.finish();
            }).isSameAs(refused);
        }
    }

    @Test
    void aWriterThatDoesNotStopIsReportedSoTheLoadCanCutItsConnection() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RowPipeline pipeline = new RowPipeline((row, file, fileRow) -> {
            inside.countDown();
            // Stands for a database call that ignores interruption.
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException ignored) {
                    // keeps waiting, as a blocked socket read would
                }
            }
        }, "test-writer");
        pipeline.add(new CanonicalRow(), "a.csv", 1);
        Thread finisher = new Thread(() -> {
            try {
                pipeline.finish();
            } catch (RuntimeException ignored) {
                // the writer is released below; what finish says then is not the point here
            }
        });
        finisher.start();
        inside.await();
        assertThat(pipeline.stop(Duration.ofMillis(50))).as("still inside the stuck call").isFalse();
        release.countDown();
        finisher.join();
        assertThat(pipeline.stop(Duration.ofSeconds(10))).isTrue();
    }
}
