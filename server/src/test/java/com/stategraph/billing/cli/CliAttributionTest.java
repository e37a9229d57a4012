package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stategraph cost attribution and cost unmanaged against a synced export and a state. */
class CliAttributionTest extends SyncServerTest {
    @Test
    void theSplitAndTheUnmanagedResources() throws Exception {
        String tenant = newTenant();
        assertThat(api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/web", TerraformStates.state(1, "w")
                .managed("aws_instance", "web", "aws", Map.of("id", "i-managed")).json()).status()).isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String month = today.withDayOfMonth(1) + "T00:00:00Z";
        String day = today + "T00:00:00Z";
        Path dir = tempDir("cli-attribution-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "BillingCurrency", "BillingPeriodStart",
                "ChargePeriodStart", "ServiceName", "ResourceId"), List.of(
                List.of("30", "USD", month, day, "Compute", "i-managed"),
                List.of("12.5", "USD", month, day, "Compute", "i-stray"),
                List.of("0.25", "USD", month, day, "Storage", "bucket-stray"),
                List.of("7.5", "USD", month, day, "Tax", "")));
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution").body().path("attributed_count").asLong() == 0) {
            assertThat(Instant.now()).isBefore(deadline);
            sleep(200);
        }
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);

        // The export states billed cost only; effective is the default metric, as in every cost view.
        assertThat(cli.run("cost", "attribution", "--format", "json").out()).contains("\"metric\" : \"effective\"");
        var split = cli.run("cost", "attribution", "--metric", "billed", "--format", "csv");
        assertThat(split.exit()).as(split.err()).isZero();
        assertThat(split.out()).contains("USD,50.25,30,12.75,7.5,59.70 %,4");
        var table = cli.run("cost", "attribution", "--metric", "billed");
        assertThat(table.out()).contains("  30.00  ").contains("1 lines attributed, 2 unmanaged, 1 unallocated");

        var unmanaged = cli.run("cost", "unmanaged", "--limit", "1", "--format", "simple");
        assertThat(unmanaged.exit()).as(unmanaged.err()).isZero();
        assertThat(unmanaged.out().lines().toList()).hasSize(1);
        assertThat(unmanaged.out()).startsWith("i-stray\t").contains("12.5");
    }
}
