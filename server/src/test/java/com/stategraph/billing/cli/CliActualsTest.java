package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `stategraph cost actuals` against a server with synced data. */
class CliActualsTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    private String tenantWithData() throws Exception {
        Path dir = tempDir("cli-actuals-");
        String ps = M.atDay(1) + "T00:00:00Z";
        ExportFixtures.csv(dir.resolve("a.csv"), false, false,
                List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ServiceName"),
                List.of(List.of("1000.5", "1000.5", "USD", ps, M.atDay(2) + "T00:00:00Z", "Compute"),
                        List.of("0.25", "0.25", "USD", ps, M.atDay(3) + "T00:00:00Z", "Storage"),
                        List.of("7", "7", "EUR", ps, M.atDay(3) + "T00:00:00Z", "Storage")));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        return tenant;
    }

    @Test
    void printsAnAlignedTableWithATotalPerCurrency() throws Exception {
        String tenant = tenantWithData();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);

        CliRunner.Result result = cli.run("cost", "actuals", "--from", M.atDay(1).toString(), "--to",
                M.plusMonths(1).atDay(1).toString(), "--group-by", "service");

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Spend (effective cost) from " + M.atDay(1) + " to " + M.plusMonths(1).atDay(1) + " (exclusive)");
        assertThat(lines.get(1)).isEqualTo("SERVICE  CURRENCY     COST");
        assertThat(lines).contains("Storage  EUR             7", "Compute  USD        1000.5", "Storage  USD          0.25",
                "TOTAL    EUR             7", "TOTAL    USD       1000.75");
        assertThat(lines.stream().filter(l -> !l.startsWith("Spend") && !l.startsWith("-")).map(String::length).distinct())
                .as("every row as wide as the header").hasSize(1);
    }

    @Test
    void jsonIsTheApiAnswerAndErrorsExitOne() throws Exception {
        String tenant = tenantWithData();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);

        CliRunner.Result json = cli.run("cost", "actuals", "--from", M.atDay(1).toString(), "--granularity", "day",
                "--metric", "billed", "--format", "json");
        assertThat(json.exit()).isZero();
        var answer = HttpApi.JSON.readTree(json.out());
        assertThat(answer.path("granularity").asString()).isEqualTo("day");
        assertThat(answer.path("results").get(0).path("series")).hasSize(M.lengthOfMonth());

        CliRunner.Result bad = cli.run("cost", "actuals", "--metric", "gross");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("metric: 'gross' is not one of billed, effective, list, contracted");
    }
}
