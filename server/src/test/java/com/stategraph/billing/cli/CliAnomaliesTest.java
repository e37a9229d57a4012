package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code cost anomalies} lists what the scan after a sync found; {@code cost anomalies dismiss} dismisses one with a reason. */
class CliAnomaliesTest extends SyncServerTest {

    @Test
    void listsAndDismissesAnomalies() throws Exception {
        String tenant = newTenant();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate spike = today.minusDays(2);
        List<List<String>> rows = new ArrayList<>();
        for (LocalDate day = today.minusDays(35); day.isBefore(today); day = day.plusDays(1)) {
            String cost = day.equals(spike) ? "480.50" : day.getDayOfMonth() % 2 == 0 ? "101.00" : "99.00";
            rows.add(List.of(cost, cost, "USD", day.withDayOfMonth(1) + "T00:00:00Z", day + "T00:00:00Z", "Amazon RDS", "333333333333"));
        }
        Path dir = tempDir("cli-anomalies-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ServiceName", "SubAccountId"), rows);
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");

        JsonNode found = HttpApi.JSON.createArrayNode();
        Instant deadline = Instant.now().plusSeconds(60);
        while (found.isEmpty()) {
            assertThat(Instant.now()).as("the scan after the sync found the spike within a minute").isBefore(deadline);
            sleep(200);
            found = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/anomalies").body().path("results");
        }
        assertThat(found).hasSize(1);
        String id = found.get(0).path("id").asString();

        String csv = new CliRunner(api.base(), ADMIN_KEY).run("cost", "anomalies", "--tenant", tenant, "--format", "csv").out();
        assertThat(csv.lines().toList()).containsExactly(
                "ID,DAY,SEVERITY,STATUS,PROVIDER,SERIES,CURRENCY,EXPECTED,ACTUAL,DIFFERENCE",
                id + "," + spike + ",high,active," + found.get(0).path("provider").asString() + ",Amazon RDS in 333333333333,USD," + found.get(0).path("expected_cost").asString()
                        + ",480.5," + found.get(0).path("difference").asString());
        assertThat(found.get(0).path("expected_cost").asString()).isIn("99", "100", "101");
        assertThat(found.get(0).path("provider").asString()).isEqualToIgnoringCase("aws");

        String dismissed = new CliRunner(api.base(), ADMIN_KEY).run("cost", "anomalies", "dismiss", id, "--tenant", tenant,
                "--reason", "month-end batch").out();
        assertThat(dismissed).contains("Dismissed anomaly " + id + " of " + spike + " (Amazon RDS in 333333333333)");
        String json = new CliRunner(api.base(), ADMIN_KEY).run("cost", "anomalies", "--tenant", tenant, "--status", "dismissed",
                "--format", "json").out();
        JsonNode listed = HttpApi.JSON.readTree(json).path("results");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("dismissed_reason").asString()).isEqualTo("month-end batch");
        assertThat(new CliRunner(api.base(), ADMIN_KEY).run("cost", "anomalies", "--tenant", tenant, "--status", "active",
                "--format", "json").out()).contains("\"results\" : [ ]");
    }
}
