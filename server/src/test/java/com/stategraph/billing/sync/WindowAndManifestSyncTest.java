package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sync window, backfill, replacing a period's rows, and manifests that keep re-exports from doubling spend. */
class WindowAndManifestSyncTest extends SyncServerTest {
    private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart");

    static List<String> row(YearMonth m, String cost) {
        return List.of(cost, "USD", m.atDay(1) + "T00:00:00Z", m.atDay(5) + "T00:00:00Z");
    }

    private java.sql.Timestamp lastVacuum() {
        // Replaced rows leave with their load's table; the rollups they summed into are vacuumed at commit.
        return jdbc.sql("SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'cost_daily'")
                .query(java.sql.Timestamp.class).single();
    }

    private long periodRows(String source, YearMonth m) {
        return jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid AND billing_period = ?::date")
                .params(source, m.atDay(1).toString()).query(Long.class).single();
    }

    @Test
    void theWindowLimitsPeriodsBackfillReachesFurtherAndEachSyncReplacesItsPeriods() throws Exception {
        Path dir = tempDir("window-");
        YearMonth old = NOW.minusMonths(4);
        ExportFixtures.csv(dir.resolve("old.csv"), false, false, HEADER, List.of(row(old, "100"), row(old, "1")));
        ExportFixtures.csv(dir.resolve("last.csv"), false, false, HEADER, List.of(row(NOW.minusMonths(1), "20")));
        ExportFixtures.csv(dir.resolve("now.csv"), false, false, HEADER, List.of(row(NOW, "3"), row(NOW, "4")));
        String tenant = newTenant();
        String source = addSource(tenant, Map.of("provider", "aws", "source_uri", "file://" + dir + "/*.csv", "window_months", 2));

        JsonNode first = syncAndWait(tenant, source);
        assertThat(first.path("status").asString()).isEqualTo("ok");
        assertThat(first.path("window_start").asString()).isEqualTo(NOW.minusMonths(1).atDay(1).toString());
        assertThat(first.path("window_end").asString()).isEqualTo(NOW.atEndOfMonth().toString());
        assertThat(first.path("rows").asLong()).isEqualTo(3);
        assertThat(periodRows(source, old)).isZero();
        assertThat(first.path("warnings").toString()).contains("ROWS_OUTSIDE_WINDOW");

        JsonNode backfill = syncAndWait(tenant, source, Map.of("window_start", old.atDay(10).toString()));
        assertThat(backfill.path("trigger").asString()).isEqualTo("backfill");
        assertThat(backfill.path("window_start").asString()).isEqualTo(old.atDay(1).toString());
        assertThat(periodRows(source, old)).isEqualTo(2);
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo("128");

        java.sql.Timestamp vacuumedBefore = lastVacuum();
        // The export changes: last month's and the old period's files are gone, this month is restated.
        Files.delete(dir.resolve("last.csv"));
        Files.delete(dir.resolve("old.csv"));
        ExportFixtures.csv(dir.resolve("now.csv"), false, false, HEADER, List.of(row(NOW, "5.5")));
        JsonNode again = syncAndWait(tenant, source);

        assertThat(again.path("status").asString()).isEqualTo("ok");
        assertThat(periodRows(source, NOW)).as("the period the export holds is replaced").isEqualTo(1);
        java.sql.Timestamp vacuumedAfter = lastVacuum();
        assertThat(vacuumedAfter).as("the replaced rollups are vacuumed when the sync commits, not left to autovacuum")
                .isNotNull();
        if (vacuumedBefore != null) {
            assertThat(vacuumedAfter).isAfter(vacuumedBefore);
        }
        assertThat(periodRows(source, NOW.minusMonths(1))).as("a period the export no longer holds keeps its rows")
                .isEqualTo(1);
        assertThat(periodRows(source, old)).as("periods outside this sync's window are untouched").isEqualTo(2);
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(new BigDecimal("100").add(new BigDecimal("1"))
                .add(new BigDecimal("20")).add(new BigDecimal("5.5")));
        JsonNode kept = warning(again, "PERIOD_NOT_IN_EXPORT");
        assertThat(kept.path("message").asString()).contains(NOW.minusMonths(1).toString()).contains("kept");
        assertThat(kept.path("samples").get(0).path("value").asString()).isEqualTo(NOW.minusMonths(1).toString());
        assertThat(kept.path("samples").get(0).path("row").asLong()).as("rows kept").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_loads WHERE source_id = ?::uuid AND state = 'current'")
                .param(source).query(Long.class).single()).as("one current load per period with data").isEqualTo(3);
        BigDecimal viewTotal = total(tenant, old.atDay(1), NOW.plusMonths(1).atDay(1));
        assertThat(viewTotal).as("the rollups agree with the rows").isEqualByComparingTo(sum(source, "billed_cost"));
    }

    @Test
    void aUriThatMatchesNothingIsAnErrorAndChangesNothing() throws Exception {
        Path dir = tempDir("moved-");
        ExportFixtures.csv(dir.resolve("a.csv"), false, false, HEADER, List.of(row(NOW, "7.25"), row(NOW.minusMonths(1), "3")));
        String tenant = newTenant();
        String source = addSource(tenant, Map.of("provider", "aws", "source_uri", "file://" + dir + "/*.csv", "window_months", 2));
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        BigDecimal before = sum(source, "billed_cost");
        assertThat(before).isEqualByComparingTo("10.25");

        // The export moves away (or a bucket policy hides it): the nightly sync lists nothing.
        Files.delete(dir.resolve("a.csv"));
        JsonNode run = syncAndWait(tenant, source);

        String expected = "no data files match file://" + dir + "/*.csv; nothing was changed";
        assertThat(run.path("status").asString()).isEqualTo("error");
        assertThat(run.path("error").asString()).isEqualTo(expected);
        JsonNode listed = source(tenant, source);
        assertThat(listed.path("last_status").asString()).isEqualTo("error");
        assertThat(listed.path("last_error").asString()).isEqualTo(expected);
        assertThat(rows(source)).isEqualTo(2);
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(before);
        assertThat(total(tenant, NOW.minusMonths(1).atDay(1), NOW.plusMonths(1).atDay(1))).isEqualByComparingTo(before);
    }

    @Test
    void aPeriodWhoseFilesNowHoldNoRowsIsEmptiedWithAWarning() throws Exception {
        Path root = tempDir("emptied-");
        YearMonth last = NOW.minusMonths(1);
        Path lastFile = root.resolve("export/data/BILLING_PERIOD=" + last + "/part-1.csv");
        ExportFixtures.csv(lastFile, false, false, HEADER, List.of(row(last, "11"), row(last, "12")));
        ExportFixtures.csv(root.resolve("export/data/BILLING_PERIOD=" + NOW + "/part-1.csv"), false, false, HEADER,
                List.of(row(NOW, "2")));
        String tenant = newTenant();
        String source = addSource(tenant, Map.of("provider", "aws", "source_uri", "file://" + root + "/export/data/**",
                "window_months", 2));
        assertThat(syncAndWait(tenant, source).path("rows").asLong()).isEqualTo(3);

        // The provider restates last month with a file that holds no rows.
        ExportFixtures.csv(lastFile, false, false, HEADER, List.of());
        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(periodRows(source, last)).isZero();
        assertThat(periodRows(source, NOW)).isEqualTo(1);
        JsonNode empty = warning(run, "PERIOD_NOW_EMPTY");
        assertThat(empty.path("message").asString()).contains(last.toString());
        assertThat(empty.path("samples").get(0).path("row").asLong()).as("rows it had").isEqualTo(2);
        assertThat(run.path("warnings").toString()).doesNotContain("PERIOD_NOT_IN_EXPORT");
        assertThat(total(tenant, last.atDay(1), NOW.plusMonths(1).atDay(1))).isEqualByComparingTo("2");
    }

    private static JsonNode warning(JsonNode run, String code) {
        assertThat(run.path("warnings").isArray()).isTrue();
        for (JsonNode w : run.path("warnings")) {
            if (w.path("code").asString().equals(code)) {
                return w;
            }
        }
        throw new AssertionError("no " + code + " warning in " + run.path("warnings"));
    }

    /** The tenant's billed total over [from, to) as the cost views answer it (from the rollups). */
    private BigDecimal total(String tenant, java.time.LocalDate from, java.time.LocalDate to) {
        JsonNode totals = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&from=" + from
                + "&to=" + to).body().path("totals");
        assertThat(totals.size()).as("one currency").isEqualTo(1);
        return new BigDecimal(totals.get(0).path("cost").asString());
    }

    @Test
    void twoAwsDeliveriesOfOnePeriodLoadOnce() throws Exception {
        Path root = tempDir("aws-manifest-");
        YearMonth m = NOW.minusMonths(1);
        Path data = root.resolve("cur/focus-export/data/BILLING_PERIOD=" + m);
        Path meta = root.resolve("cur/focus-export/metadata/BILLING_PERIOD=" + m);
        ExportFixtures.csv(data.resolve("exec-1/focus-export-00001.csv.gz"), true, false, HEADER,
                List.of(row(m, "40"), row(m, "2")));
        ExportFixtures.csv(data.resolve("exec-2/focus-export-00001.csv.gz"), true, false, HEADER,
                List.of(row(m, "41"), row(m, "2.5")));
        // A third delivery still being written: no manifest lists it yet.
        ExportFixtures.csv(data.resolve("exec-3/focus-export-00001.csv.gz"), true, false, HEADER, List.of(row(m, "999")));
        awsManifest(meta.resolve("exec-1/focus-export-Manifest.json"), "exec-1", data.resolve("exec-1/focus-export-00001.csv.gz"),
                Instant.now().minusSeconds(7200));
        awsManifest(meta.resolve("exec-2/focus-export-Manifest.json"), "exec-2", data.resolve("exec-2/focus-export-00001.csv.gz"),
                Instant.now().minusSeconds(60));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + root + "/cur/focus-export/data/**");

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(run.path("files").asInt()).isEqualTo(1);
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo("43.5");
        assertThat(run.path("warnings").toString()).contains("SUPERSEDED_DELIVERIES").contains("exec-1").contains("exec-3");
    }

    private static void awsManifest(Path file, String executionId, Path dataFile, Instant written) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"executionId": "%s", "exportArn": "arn:aws:bcm-data-exports:us-east-1:111122223333:export/focus-export",
                 "columns": [{"name": "BilledCost", "type": "double"}],
                 "dataFiles": ["file://%s"],
                 "additionalOutputFiles": []}
                """.formatted(executionId, dataFile));
        Files.setLastModifiedTime(file, FileTime.from(written));
    }

    @Test
    void twoAzureRunsOfTheSameDatesLoadOnlyTheNewest() throws Exception {
        Path container = tempDir("azure-manifest-");
        YearMonth m = NOW.minusMonths(1);
        String range = m.atDay(1).toString().replace("-", "") + "-" + m.atEndOfMonth().toString().replace("-", "");
        Path older = container.resolve("exports/focus-daily/" + range + "/202601010300/0a1b2c3d-run1");
        Path newer = container.resolve("exports/focus-daily/" + range + "/202601020300/9f8e7d6c-run2");
        ExportFixtures.csv(older.resolve("part_0_0001.csv"), false, true, HEADER, List.of(row(m, "70"), row(m, "5")));
        ExportFixtures.csv(newer.resolve("part_0_0001.csv"), false, true, HEADER, List.of(row(m, "71"), row(m, "5.25")));
        azureManifest(older, container, "2026-01-01T03:00:00.000Z", m);
        azureManifest(newer, container, "2026-01-02T03:00:00.000Z", m);
        String tenant = newTenant();
        String source = addSource(tenant, "azure", "file://" + container + "/exports/focus-daily/**/*.csv");

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(run.path("files").asInt()).isEqualTo(1);
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo("76.25");
        assertThat(run.path("warnings").toString()).contains("SUPERSEDED_DELIVERIES").contains("run1");
        assertThat(run.path("focus_versions").toString()).as("the manifest's dataVersion, not the columns' guess")
                .isEqualTo("[{\"version\":\"1.0r2\",\"files\":1}]");
    }

    private static void azureManifest(Path runDir, Path container, String submitted, YearMonth m) throws Exception {
        String blob = container.relativize(runDir.resolve("part_0_0001.csv")).toString();
        Files.writeString(runDir.resolve("manifest.json"), """
                {"manifestVersion": "2024-04-01", "byteCount": 200, "blobCount": 1, "dataRowCount": 2,
                 "exportConfig": {"exportName": "focus-daily", "resourceId": "/subscriptions/x", "dataVersion": "1.0r2",
                   "apiVersion": "2023-07-01-preview", "type": "FocusCost", "timeFrame": "MonthToDate", "granularity": "Daily"},
                 "deliveryConfig": {"partitionData": true, "dataOverwriteBehavior": "CreateNewReport", "fileFormat": "Csv",
                   "containerUri": "/subscriptions/x/containers/exports", "rootFolderPath": "exports"},
                 "runInfo": {"executionType": "Scheduled", "submittedTime": "%s", "runId": "%s",
                   "startDate": "%sT00:00:00", "endDate": "%sT00:00:00"},
                 "blobs": [{"blobName": "%s", "byteCount": 200, "dataRowCount": 2}]}
                """.formatted(submitted, runDir.getFileName(), m.atDay(1), m.atEndOfMonth(), "/" + container.getFileName() + "/" + blob));
    }
}
