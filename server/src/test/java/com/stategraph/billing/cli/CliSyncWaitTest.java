package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `stategraph cost billing-source sync ID --wait` against a server that really syncs. */
class CliSyncWaitTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart");

    private CliRunner cli(String tenant) {
        return new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);
    }

    @Test
    void waitsAndReportsFilesAndRows() throws Exception {
        Path dir = tempDir("cli-wait-");
        List<String> row = List.of("1.5", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z");
        ExportFixtures.csv(dir.resolve("a.csv"), false, false, HEADER, List.of(row, row, row));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");

        CliRunner.Result result = cli(tenant).run("cost", "billing-source", "sync", source, "--wait");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Sync queued for billing source " + source)
                .contains("Sync finished: 1 files, 3 rows loaded for " + M.minusMonths(35).atDay(1) + " to " + M.atEndOfMonth());
        assertThat(rows(source)).isEqualTo(3);
    }

    @Test
    void aSecondSyncSaysWhatItKeptUnreadAndForceReadsAgain() throws Exception {
        Path dir = tempDir("cli-unchanged-");
        List<String> row = List.of("2.25", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(2) + "T00:00:00Z");
        ExportFixtures.csv(dir.resolve("a.csv"), false, false, HEADER, List.of(row, row, row, row));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(cli(tenant).run("cost", "billing-source", "sync", source, "--wait").exit()).isZero();

        CliRunner.Result again = cli(tenant).run("cost", "billing-source", "sync", source, "--wait");
        CliRunner.Result runs = cli(tenant).run("cost", "billing-source", "runs", source);
        CliRunner.Result forced = cli(tenant).run("cost", "billing-source", "sync", source, "--wait", "--force");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Sync finished: 0 files, 0 rows loaded")
                .contains("Unchanged since loaded, not read again: " + M + " (4 rows, 1 file)");
        assertThat(runs.out()).contains("UNCHANGED").contains(M + " (4 rows, 1 file)");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("Sync finished: 1 files, 4 rows loaded").doesNotContain("Unchanged");
        assertThat(rows(source)).isEqualTo(4);
    }

    @Test
    void exitsOneWithTheErrorWhenTheSyncFails() throws Exception {
        Path dir = tempDir("cli-wait-bad-");
        ExportFixtures.csv(dir.resolve("bad.csv"), false, false, HEADER,
                List.of(List.of("1", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z"),
                        List.of("one", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z")));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");

        CliRunner.Result result = cli(tenant).run("cost", "billing-source", "sync", source, "--wait");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("Sync failed: file://" + dir.resolve("bad.csv") + ": row 2, column BilledCost: a value of 3 characters is not a decimal number");
    }
}
