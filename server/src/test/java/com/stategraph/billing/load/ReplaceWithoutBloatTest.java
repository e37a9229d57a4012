package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A re-sync replaces a period's load by a new table and drops the old one whole: no deleted rows
 * are left behind. A reader in the middle keeps the old rows until it is done, and never waits;
 * nor does the sync wait for the reader: the old table is dropped by a later sync.
 */
class ReplaceWithoutBloatTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);
    private static final int ROWS = 2_000;

    @Autowired
    HikariDataSource apiPool;

    private static void export(Path dir, String cost) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(List.of(cost, "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1 + i % 20) + "T00:00:00Z", "r-" + i));
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
    }

    private UUID currentLoad(String source) {
        return jdbc.sql("SELECT id FROM billing_loads WHERE source_id = ?::uuid AND state = 'current'").param(source)
                .query(UUID.class).single();
    }

    private boolean tableExists(UUID load) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(BillingPartitions.LOADS.tableOf(load)).query(Boolean.class).single();
    }

    /** What a cost question over all time reads: the tenant's current loads, decided in the same statement. */
    private static BigDecimal billed(Connection c, String tenant) throws Exception {
        try (PreparedStatement q = c.prepareStatement("SELECT coalesce(sum(billed_cost), 0) FROM billing_rows"
                + " WHERE load_id = ANY (ARRAY(SELECT id FROM billing_loads WHERE tenant_id = ? AND state = 'current')) AND tenant_id = ?")) {
            q.setObject(1, UUID.fromString(tenant));
            q.setObject(2, UUID.fromString(tenant));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    @Test
    void eachReSyncDropsTheReplacedTableWholeAndLeavesNoDeadRows() throws Exception {
        Path dir = tempDir("no-bloat-");
        export(dir, "1.00");
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        UUID previous = currentLoad(source);
        assertThat(tableExists(previous)).isTrue();

        for (int round = 2; round <= 4; round++) {
            String cost = round + ".00";
            export(dir, cost);
            assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
            UUID current = currentLoad(source);
            assertThat(current).isNotEqualTo(previous);
            assertThat(tableExists(previous)).as("the replaced load's table is gone").isFalse();
            assertThat(tableExists(current)).isTrue();
            assertThat(rows(source)).isEqualTo(ROWS);
            assertThat(sum(source, "billed_cost")).isEqualByComparingTo(new BigDecimal(cost).multiply(BigDecimal.valueOf(ROWS)));
            long dead = jdbc.sql("SELECT n_tup_del + n_tup_upd FROM pg_stat_user_tables WHERE relname = ?")
                    .param(BillingPartitions.LOADS.tableOf(current)).query(Long.class).optional().orElse(0L);
            assertThat(dead).as("rows of a load are written once and never changed").isZero();
            previous = current;
        }
    }

    @Test
    void aReaderInTheMiddleKeepsTheOldRowsAndTheSyncDoesNotWaitForIt() throws Exception {
        Path dir = tempDir("no-bloat-reader-");
        export(dir, "1.00");
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        UUID old = currentLoad(source);
        BigDecimal before = BigDecimal.ONE.multiply(BigDecimal.valueOf(ROWS));
        export(dir, "5.00");

        // What an export streaming for minutes holds: the rows lock, in a transaction on one snapshot.
        try (Connection reader = apiPool.getConnection()) {
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (var lock = reader.createStatement()) {
                lock.execute(BillingLoadRepository.LOCK_ROWS);
            }
            assertThat(billed(reader, tenant)).isEqualByComparingTo(before);

            assertThat(syncAndWait(tenant, source).path("status").asString())
                    .as("the sync ends while the reader is still open").isEqualTo("ok");
            assertThat(currentLoad(source)).isNotEqualTo(old);
            assertThat(billed(reader, tenant)).as("the open reader still sees the old rows, all of them")
                    .isEqualByComparingTo(before);
            try (Connection fresh = apiPool.getConnection()) {
                assertThat(billed(fresh, tenant)).as("a new reader sees the new rows, all of them")
                        .isEqualByComparingTo(new BigDecimal("5.00").multiply(BigDecimal.valueOf(ROWS)));
            }
            assertThat(tableExists(old)).as("kept while it may still be read").isTrue();
            reader.commit();
        }

        Path other = tempDir("no-bloat-reader-other-");
        export(other, "2.00");
        String next = addSource(tenant, "aws", "file://" + other + "/");
        assertThat(syncAndWait(tenant, next).path("status").asString()).isEqualTo("ok");
        assertThat(tableExists(old)).as("dropped by the next sync once the reader was done").isFalse();
        assertThat(rows(source)).isEqualTo(ROWS);
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(new BigDecimal("5.00").multiply(BigDecimal.valueOf(ROWS)));
    }

    @Test
    void rowsThatAlternateBetweenPeriodsAllReachTheirOwnLoads() throws Exception {
        Path dir = tempDir("alternating-");
        YearMonth last = M.minusMonths(1);
        List<List<String>> rows = new ArrayList<>();
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
        int[] counts = {0, 0};
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 30_000; i++) {
            int p = random.nextInt(3) == 0 ? 0 : 1;
            YearMonth m = p == 0 ? M : last;
            BigDecimal cost = new BigDecimal(i % 97 + 1).movePointLeft(2);
            sums[p] = sums[p].add(cost);
            counts[p]++;
            rows.add(List.of(cost.toPlainString(), "USD", m.atDay(1) + "T00:00:00Z", m.atDay(2) + "T00:00:00Z", "r-" + i));
        }
        ExportFixtures.csv(dir.resolve("mixed.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        for (int p = 0; p < 2; p++) {
            YearMonth m = p == 0 ? M : last;
            UUID load = jdbc.sql("SELECT id FROM billing_loads WHERE source_id = ?::uuid AND billing_period = ?::date"
                    + " AND state = 'current'").params(source, m.atDay(1).toString()).query(UUID.class).single();
            // The load's own table holds its rows, in chunks; read back through the view, by the load's id.
            assertThat(jdbc.sql("SELECT sum(row_count) FROM " + BillingPartitions.LOADS.tableOf(load)).query(Long.class).single())
                    .isEqualTo(counts[p]);
            assertThat(jdbc.sql("SELECT sum(billed_cost) FROM billing_rows WHERE load_id = ?").param(load)
                    .query(BigDecimal.class).single()).isEqualByComparingTo(sums[p]);
        }
    }

    @Test
    void aRemovedSourcesTablesAreDroppedByTheNextSync() throws Exception {
        Path dir = tempDir("removed-");
        export(dir, "1.00");
        String tenant = newTenant();
        String removed = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, removed).path("status").asString()).isEqualTo("ok");
        UUID load = currentLoad(removed);
        assertThat(api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + removed).status()).isEqualTo(204);
        assertThat(tableExists(load)).as("emptied at once, dropped by the next sync").isTrue();

        Path other = tempDir("removed-other-");
        export(other, "2.00");
        String next = addSource(tenant, "aws", "file://" + other + "/");
        assertThat(syncAndWait(tenant, next).path("status").asString()).isEqualTo("ok");

        assertThat(tableExists(load)).isFalse();
        assertThat(tableExists(currentLoad(next))).isTrue();
    }
}
