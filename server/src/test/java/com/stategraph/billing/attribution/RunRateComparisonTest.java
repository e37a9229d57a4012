package com.stategraph.billing.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A state pushed today over billing data of earlier days: the run rate compares its current estimate
 * with what each resource costs a month, judged on the days it was billed; a month with no day of
 * both an estimate and billing data says so and compares nothing.
 */
class RunRateComparisonTest extends SyncServerTest {

    @Test
    void aStatePushedTodayIsComparedByRunRateAndAMonthWithoutOverlapSaysSo() throws Exception {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/app",
                TerraformStates.state(1, "rr")
                        .managed("aws_instance", "a", "aws", Map.of("id", "i-rr-a", "instance_type", "m5.large", "region", "us-east-1"))
                        .managed("aws_instance", "b", "aws", Map.of("id", "i-rr-b", "instance_type", "t3.large", "region", "us-east-1"))
                        .managed("aws_appsync_graphql_api", "cdn", "aws", Map.of("id", "E-rr"))
                        .json());
        assertThat(pushed.status()).isEqualTo(201);
        String state = pushed.text("id");
        Map<String, BigDecimal> monthly = new HashMap<>();
        awaitEstimate(state).body().path("instance_costs").forEach(i -> monthly.put(i.path("address").asString(),
                new BigDecimal(i.path("monthly_cost").asString())));
        assertThat(monthly.get("aws_instance.a")).isGreaterThan(BigDecimal.ONE);

        // Billing data of earlier days only: the last of them 3 days ago; a was billed on two days, b on one.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate last = today.minusDays(3);
        List<List<String>> lines = List.of(
                line("2.4", last.minusDays(1), "i-rr-a"), line("1.1", last, "i-rr-a"), line("1.3", last, "i-rr-a"),
                line("1.0", last, "i-rr-b"), line("3", last, "E-rr"), line("500", last.minusDays(40), "i-rr-a"));
        Path dir = tempDir("run-rate-");
        for (int i = 0; i < lines.size(); i++) {
            ExportFixtures.csv(dir.resolve("focus-" + i + ".csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                    "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), List.of(lines.get(i)));
        }
        assertThat(syncAndWait(tenant, addSource(tenant, Map.of("provider", "aws", "source_uri", "file://" + dir + "/",
                "window_months", 3))).path("status").asString()).isEqualTo("ok");
        awaitAttributed(tenant);

        JsonNode byResource = api.get(ADMIN_KEY, "/api/v1/states/" + state + "/costs/compare").body();
        assertThat(byResource.path("basis").asString()).isEqualTo("run_rate");
        assertThat(byResource.path("span_end").asString()).isEqualTo(last.toString());
        assertThat(byResource.path("span_start").asString()).isEqualTo(last.minusDays(29).toString());
        Map<String, JsonNode> rows = new HashMap<>();
        byResource.path("groups").forEach(r -> rows.put(r.path("key").asString(), r));

        // a: 4.8 over 2 billed days (the line 40 days back is outside the window).
        BigDecimal aActual = new BigDecimal("4.8");
        BigDecimal aRate = aActual.multiply(BigDecimal.valueOf(730)).divide(BigDecimal.valueOf(24 * 2), 10, RoundingMode.HALF_EVEN);
        JsonNode a = rows.get("aws_instance.a");
        assertThat(new BigDecimal(a.path("estimated_monthly").asString())).isEqualByComparingTo(monthly.get("aws_instance.a"));
        assertThat(new BigDecimal(a.path("actual_cost").asString())).isEqualByComparingTo(aActual);
        assertThat(a.path("billed_days").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(a.path("actual_monthly_run_rate").asString())).isEqualByComparingTo(aRate);
        BigDecimal aDifference = aRate.subtract(monthly.get("aws_instance.a"));
        assertThat(new BigDecimal(a.path("difference").asString())).isEqualByComparingTo(aDifference);
        assertThat(a.path("difference_percent").asString()).isEqualTo(aDifference.multiply(BigDecimal.valueOf(100))
                .divide(monthly.get("aws_instance.a"), 1, RoundingMode.HALF_EVEN).toPlainString());
        assertThat(a.path("comparable").asBoolean()).isTrue();

        JsonNode b = rows.get("aws_instance.b");
        assertThat(b.path("billed_days").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(b.path("actual_monthly_run_rate").asString()))
                .isEqualByComparingTo(BigDecimal.ONE.multiply(BigDecimal.valueOf(730)).divide(BigDecimal.valueOf(24), 10, RoundingMode.HALF_EVEN));
        JsonNode cdn = rows.get("aws_appsync_graphql_api.cdn");
        assertThat(cdn.path("comparable").asBoolean()).isFalse();
        assertThat(cdn.path("not_comparable").asString()).isEqualTo("not estimated");
        assertThat(cdn.path("difference").isNull()).isTrue();
        assertThat(cdn.path("difference_percent").isNull()).isTrue();
        assertThat(byResource.path("spend_without_estimate").get(0).asString()).isEqualTo("aws_appsync_graphql_api.cdn");

        JsonNode byState = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/compare?basis=run_rate&days=30&group_by=state")
                .body();
        JsonNode app = byState.path("groups").get(0);
        assertThat(app.path("key").asString()).isEqualTo("app");
        assertThat(new BigDecimal(app.path("actual_cost").asString())).isEqualByComparingTo("8.8");
        assertThat(app.path("billed_days").asInt()).as("days any of its resources was billed").isEqualTo(2);
        BigDecimal sumOfRates = BigDecimal.ZERO;
        for (JsonNode r : rows.values()) {
            sumOfRates = sumOfRates.add(new BigDecimal(r.path("actual_monthly_run_rate").asString()));
        }
        assertThat(new BigDecimal(app.path("actual_monthly_run_rate").asString())).as("the sum of its resources' run rates")
                .isEqualByComparingTo(sumOfRates);

        // A window of 1 day holds only the last day.
        JsonNode oneDay = api.get(ADMIN_KEY, "/api/v1/states/" + state + "/costs/compare?days=1").body();
        oneDay.path("groups").forEach(r -> {
            if (r.path("key").asString().equals("aws_instance.a")) {
                assertThat(new BigDecimal(r.path("actual_cost").asString())).isEqualByComparingTo("2.4");
            }
        });

        // This month (or the one of the last billed day): the estimate began today, so no day has both.
        YearMonth lastMonth = YearMonth.from(last);
        JsonNode month = api.get(ADMIN_KEY, "/api/v1/states/" + state + "/costs/compare?basis=month&month=" + lastMonth).body();
        assertThat(month.path("basis").asString()).isEqualTo("month");
        assertThat(month.path("note").asString()).startsWith("no overlap").contains(today.toString());
        assertThat(month.path("span_start").isNull()).isTrue();
        assertThat(month.path("total").path("comparable").asBoolean()).isFalse();
        assertThat(month.path("total").path("difference_percent").isNull()).isTrue();
        assertThat(api.get(ADMIN_KEY, "/api/v1/states/" + state + "/costs/compare?basis=yearly").status()).isEqualTo(400);
        assertThat(api.get(ADMIN_KEY, "/api/v1/states/" + state + "/costs/compare?days=0").status()).isEqualTo(400);
    }

    private static List<String> line(String cost, LocalDate day, String resource) {
        return List.of(cost, cost, "USD", YearMonth.from(day).atDay(1) + "T00:00:00Z", day + "T00:00:00Z", resource);
    }

    private void awaitAttributed(String tenant) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!jdbc.sql("SELECT coalesce(bool_and(requested_at = computed_for), false) FROM attribution_runs WHERE tenant_id = ?::uuid")
                .param(tenant).query(Boolean.class).single()) {
            assertThat(Instant.now()).isBefore(deadline);
            sleep(200);
        }
    }
}
