package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stategraph cost compare: a month without billing data says so; the run rate reads "+12 %" or "x3.4", never a long ratio. */
class CliCompareTest extends SyncServerTest {
    @Test
    void aMonthWithoutOverlapSaysSoAndTheRunRateReadsLikeAProduct() throws Exception {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/svc", TerraformStates.state(1, "s")
                .managed("aws_instance", "a", "aws", Map.of("id", "i-cli-cmp", "instance_type", "m5.large", "region", "us-east-1")).json());
        String state = pushed.text("id");
        BigDecimal monthly = new BigDecimal(awaitEstimate(state).text("monthly_cost"));
        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);

        var noOverlap = cli.run("cost", "compare", "--month", last.toString(), "--state", state);
        assertThat(noOverlap.exit()).as(noOverlap.err()).isZero();
        assertThat(noOverlap.out()).contains("aws_instance.a").contains("no overlap").contains("not comparable");
        assertThat(cli.run("cost", "compare", "--month", "2026-13").exit()).as("checked by the CLI").isEqualTo(124);

        // Billed yesterday at three times the estimate's daily share: "x3.0".
        java.time.LocalDate yesterday = java.time.LocalDate.now(ZoneOffset.UTC).minusDays(1);
        BigDecimal cost = monthly.multiply(BigDecimal.valueOf(3 * 24)).divide(BigDecimal.valueOf(730), 6, RoundingMode.HALF_EVEN);
        java.nio.file.Path dir = tempDir("cli-compare-");
        com.stategraph.billing.support.ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost",
                "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), List.of(List.of(cost.toPlainString(),
                cost.toPlainString(), "USD", YearMonth.from(yesterday).atDay(1) + "T00:00:00Z", yesterday + "T00:00:00Z", "i-cli-cmp")));
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", "file://" + dir + "/")).path("status").asString()).isEqualTo("ok");
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        while (!jdbc.sql("SELECT coalesce(bool_and(requested_at = computed_for), false) FROM attribution_runs WHERE tenant_id = ?::uuid")
                .param(tenant).query(Boolean.class).single()) {
            assertThat(java.time.Instant.now()).isBefore(deadline);
            sleep(200);
        }
        var table = cli.run("cost", "compare", "--state", state);
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out().lines().filter(l -> l.startsWith("aws_instance.a")).findFirst().orElseThrow()).endsWith("x3.0")
                .contains(com.stategraph.billing.cli.Money.format(monthly.toPlainString(), "USD"));
        assertThat(table.out()).contains("scaled to a month by the days each was billed");
        var csv = cli.run("cost", "compare", "--state", state, "--format", "csv");
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("KEY,ESTIMATE_A_MONTH,ACTUAL,DAYS_BILLED,ACTUAL_A_MONTH,DIFFERENCE");
    }
}
