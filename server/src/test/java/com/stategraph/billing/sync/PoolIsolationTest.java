package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.stategraph.billing.db.BackgroundDatabase;
import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * With every connection of the API's pool taken, the work that must go on still goes on: a sync
 * runs to the end, the scheduler keeps polling, and the health check answers within a second.
 * The API itself answers 503 BUSY with Retry-After, never 500, and answers again once freed.
 */
class PoolIsolationTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);

    @Autowired
    HikariDataSource apiPool;

    @Autowired
    BackgroundDatabase background;

    @Autowired
    @Qualifier(SyncScheduling.SYNC_TASK)
    OneTimeTask<Void> syncTask;

    @Autowired
    Clock clock;

    @Autowired
    org.springframework.boot.health.registry.HealthContributorRegistry health;

    @Test
    void aSyncRunsAndHealthAnswersWhileTheApiPoolIsExhausted() throws Exception {
        Path dir = tempDir("pool-isolation-");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(List.of("0.25", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z", "res-" + i));
        }
        ExportFixtures.csv(dir.resolve("a.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");

        int size = apiPool.getMaximumPoolSize();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(apiPool.getConnection());
            }
            assertThat(held).hasSize(size);

            SyncQueue queue = new SyncQueue(new SyncRunRepository(background.jdbc(), background.tx()),
                    SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(background.dataSource()), syncTask)
                            .build(), syncTask, clock, new LocalSchedulerWake(true));
            SyncRun requested = background.tx().execute(s -> queue.request(UUID.fromString(tenant), UUID.fromString(source),
                    "manual", null, "pool-isolation-test", false));

            String status = awaitStatus(requested.id());
            assertThat(status).as("the sync ran on its own connections").isEqualTo("ok");
            assertThat(background.jdbc().sql("SELECT count(*) FROM billing_rows WHERE source_id = ?")
                    .param(UUID.fromString(source)).query(Long.class).single()).isEqualTo(rows.size());

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(HttpApi.JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
            assertThat(this.health.getContributor("db")).as("the health answer includes the database check").isNotNull();

            HttpResponse<String> busy = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/tenants/" + tenant
                    + "/billing-sources")).header("Authorization", "Bearer " + ADMIN_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).isPresent();
            assertThat(HttpApi.JSON.readTree(busy.body()).path("id").asString()).isEqualTo("BUSY");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        var freed = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source);
        assertThat(freed.status()).as(freed.raw()).isEqualTo(200);
        assertThat(freed.text("last_status")).isEqualTo("ok");
    }

    private String awaitStatus(UUID runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            String status = background.jdbc().sql("SELECT status FROM sync_runs WHERE id = ?").param(runId)
                    .query(String.class).single();
            if (status.equals("ok") || status.equals("error")) {
                return status;
            }
            sleep(100);
        }
        throw new AssertionError("the sync did not finish while the API pool was exhausted");
    }
}
