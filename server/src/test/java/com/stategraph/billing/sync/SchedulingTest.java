package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The schedule: every enabled source gets a sync, failures retry with backoff, disable stops it. */
class SchedulingTest extends SyncServerTest {
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart");
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);

    @Autowired
    ScheduledSyncs scheduledSyncs;

    private List<JsonNode> runs(String tenant, String source) {
        List<JsonNode> list = new java.util.ArrayList<>();
        api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/runs").body().path("results").forEach(list::add);
        return list;
    }

    private JsonNode awaitFinished(String tenant, String source, int count) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> runs = runs(tenant, source);
            long done = runs.stream().filter(r -> r.path("status").asString().matches("ok|error")).count();
            if (done >= count) {
                return runs.stream().filter(r -> r.path("status").asString().matches("ok|error")).findFirst().orElseThrow();
            }
            sleep(100);
        }
        throw new AssertionError("no finished run");
    }

    @Test
    void theRecurringTaskIsRegisteredOnTheOperatorsCron() {
        Timestamp next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'billing-sync-schedule'")
                .query(Timestamp.class).single();
        Instant at = next.toInstant();
        // Default schedule: daily at 03:00 UTC.
        assertThat(at).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(24).plusMinutes(1)));
        assertThat(at.atOffset(ZoneOffset.UTC).getHour()).isEqualTo(3);
        assertThat(SyncSchedule.sixFields("30 2 * * 1")).isEqualTo("0 30 2 * * 1");
        assertThatThrownBy(() -> SyncSchedule.sixFields("daily")).hasMessageContaining("STATEGRAPH_BILLING_SYNC_SCHEDULE");
        assertThat(java.util.TimeZone.getDefault().getID()).as("these tests run away from UTC").isNotEqualTo("UTC");
        assertThat(SyncSchedule.zone("")).isEqualTo(java.time.ZoneId.of("UTC"));
        assertThat(SyncSchedule.zone("Europe/Berlin")).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThatThrownBy(() -> SyncSchedule.zone("Mars/Olympus")).hasMessageContaining("STATEGRAPH_BILLING_SYNC_TIMEZONE");
    }

    @Test
    void aTickSyncsEnabledSourcesOnlyAndDisableStopsIt() throws Exception {
        Path dir = tempDir("sched-");
        ExportFixtures.csv(dir.resolve("a.csv"), false, false, HEADER,
                List.of(List.of("2.5", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z")));
        String tenant = newTenant();
        String enabled = addSource(tenant, "aws", "file://" + dir + "/");
        String disabled = addSource(tenant, Map.of("provider", "gcp", "source_uri", "file://" + dir + "/", "enabled", false));

        scheduledSyncs.requestAll();
        JsonNode run = awaitFinished(tenant, enabled, 1);

        assertThat(run.path("trigger").asString()).isEqualTo("scheduled");
        assertThat(run.path("status").asString()).isEqualTo("ok");
        assertThat(sum(enabled, "billed_cost")).isEqualByComparingTo("2.5");
        assertThat(runs(tenant, disabled)).isEmpty();

        assertThat(api.put(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + enabled, Map.of("enabled", false))
                .status()).isEqualTo(200);
        // A tick writes its run rows before it returns: no new row now means none will come.
        scheduledSyncs.requestAll();
        assertThat(runs(tenant, enabled)).hasSize(1);
    }

    @Test
    void aFailedScheduledSyncRetriesWithBackoffAndAManualSyncTakesTheWaitingRetry() throws Exception {
        Path dir = tempDir("retry-");
        ExportFixtures.csv(dir.resolve("bad.csv"), false, false, HEADER,
                List.of(List.of("x", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z")));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");

        scheduledSyncs.requestAll();
        awaitFinished(tenant, source, 1);
        sleep(300);
        List<JsonNode> runs = runs(tenant, source);

        assertThat(runs).hasSize(2);
        JsonNode retry = runs.get(0);
        assertThat(retry.path("status").asString()).isEqualTo("queued");
        assertThat(retry.path("trigger").asString()).isEqualTo("scheduled");
        assertThat(jdbc.sql("SELECT attempt FROM sync_runs WHERE id = ?::uuid").param(retry.path("id").asString())
                .query(Integer.class).single()).isEqualTo(2);
        Instant due = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'billing-sync' AND task_instance = ?")
                .param(retry.path("id").asString()).query(Timestamp.class).single().toInstant();
        assertThat(due).as("first retry after the 5 minute backoff")
                .isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));

        var manual = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync", Map.of());
        assertThat(manual.status()).isEqualTo(202);
        assertThat(manual.text("id")).as("the waiting retry is the answer").isEqualTo(retry.path("id").asString());
        JsonNode done = awaitRun(tenant, source, retry.path("id").asString());
        assertThat(done.path("status").asString()).isEqualTo("error");
        sleep(300);
        assertThat(jdbc.sql("SELECT max(attempt) FROM sync_runs WHERE source_id = ?::uuid").param(source)
                .query(Integer.class).single()).isEqualTo(3);
    }
}
