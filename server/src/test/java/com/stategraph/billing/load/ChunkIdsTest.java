package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.stategraph.billing.db.Migrations;
import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.format.FocusNormaliser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A full chunk's new strings are stored by the dictionary's own thread: the load's writer hands the
 * chunk over and goes on with the next rows, even while the dictionary waits on the database, and
 * the chunk is written with the ids the dictionary holds.
 */
class ChunkIdsTest {
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ResourceId", "Tags");

    @Test
    void theWriterGoesOnWhileTheDictionaryWaitsAndTheChunkGetsItsIds() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "latest");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            db.sql("INSERT INTO tenants (id, name) VALUES (?, 't')").param(tenant).update();
            FocusNormaliser normaliser = new FocusNormaliser("file:///a.csv", HEADER, new ConformanceFindings());
            RowChunk chunk = new RowChunk();
            List<String> resources = new ArrayList<>();
            for (int r = 1; r <= 50; r++) {
                String resource = "arn:aws:ec2:eu-west-1:123456789012:volume/vol-" + r;
                resources.add(resource);
                com.stategraph.billing.format.CanonicalRow row = normaliser.normalise(new Object[] {"1.5", "EUR", "2026-11-01T00:00:00Z",
                        "2026-11-02T00:00:00Z", resource, "{\"team\":\"t" + (r % 3) + "\"}"}, r);
                ChunkRows.add(chunk, row, "file:///a.csv", r);
            }
            try (ChunkIds ids = new ChunkIds(new StringDictionary(ds, tenant), "test-ids");
                 Connection locker = ds.getConnection()) {
                locker.setAutoCommit(false);
                try (Statement st = locker.createStatement()) {
                    // Holds every insert into the text dictionary until this transaction ends.
                    st.execute("LOCK TABLE billing_strings IN SHARE ROW EXCLUSIVE MODE");
                }
                Future<Void> resolving = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ids.resolve(chunk),
                        "handing a chunk over must not wait for the dictionary's database work");
                awaitLockWait(db, "billing_strings", "the dictionary thread never tried to write the chunk's strings");
                assertThat(resolving).isNotDone();
                locker.commit();
                ChunkIds.await(resolving);
            }
            assertThat(db.sql("SELECT count(*) FROM billing_strings WHERE tenant_id = ? AND value = 'EUR'").param(tenant)
                    .query(Long.class).single()).isOne();
            // ResourceIds have a dictionary of their own (V51)
            Map<String, Integer> stored = db.sql("SELECT value, id FROM billing_resource_values WHERE tenant_id = ?").param(tenant)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(stored).containsKeys(resources.toArray(String[]::new));
            List<Integer> expected = resources.stream().map(stored::get).toList();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                CopyBinaryTest.copyIntoTempTable(c, chunk, tenant);
                try (var rs = st.executeQuery("SELECT resource_id FROM chunk_written")) {
                    assertThat(rs.next()).isTrue();
                    assertThat((Integer[]) rs.getArray(1).getArray()).as("the ResourceId column holds the dictionary's ids, row by row")
                            .containsExactlyElementsOf(expected);
                }
            }
            assertThat(chunk.size()).as("written and emptied").isZero();
        }
    }

    /** Until a statement is seen waiting for a lock on {@code table}: a thing that happens, so waiting for it proves it. */
    static void awaitLockWait(JdbcClient db, String table, String never) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            long waiting = db.sql("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                    + " WHERE c.relname = ? AND NOT l.granted").param(table).query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(never);
    }
}
