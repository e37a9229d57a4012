package com.stategraph.billing.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Timestamp;
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
 * Last month's estimate (the snapshot in force all month) next to the effective cost of the lines
 * attributed to the same resources, both over the month's days up to its last day with billing data.
 */
class EstimateComparisonTest extends SyncServerTest {
    @Test
    void aMonthsEstimateNextToItsActualsByStateAndByResource() throws Exception {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/web", TerraformStates.state(1, "c")
                .managed("aws_instance", "a", "aws", Map.of("id", "i-cmp-a", "instance_type", "m5.large", "region", "us-east-1"))
                .managed("aws_instance", "b", "aws", Map.of("id", "i-cmp-b", "instance_type", "t3.large", "region", "us-east-1"))
                .managed("aws_appsync_graphql_api", "cdn", "aws", Map.of("id", "E-cmp"))
                .json());
        assertThat(pushed.status()).isEqualTo(201);
        String state = pushed.text("id");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpApi.Response costs = awaitEstimate(state);
        Map<String, BigDecimal> monthly = new HashMap<>();
        costs.body().path("instance_costs").forEach(i -> monthly.put(i.path("address").asString(),
                new BigDecimal(i.path("monthly_cost").asString())));
        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        // The snapshot has been in force since before last month (history, as if it had been calculated then).
        jdbc.sql("UPDATE estimate_snapshots SET calculated_at = ? WHERE state_id = ?::uuid")
                .params(Timestamp.from(last.atDay(1).atStartOfDay(ZoneOffset.UTC).minusDays(3).toInstant()), state).update();

        Path dir = tempDir("compare-");
        String period = last.atDay(1) + "T00:00:00Z";
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), List.of(
                List.of("50", "50", "USD", period, last.atDay(3) + "T00:00:00Z", "i-cmp-a"),
                List.of("2.5", "2.5", "USD", period, last.atDay(20) + "T00:00:00Z", "i-cmp-a"),
                List.of("3", "3", "USD", period, last.atDay(20) + "T00:00:00Z", "E-cmp"),
                List.of("10", "10", "USD", period, last.atDay(20) + "T00:00:00Z", "i-elsewhere")));
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        // i-cmp-b is also billed in EUR, by another account's export
        Path euros = tempDir("compare-eur-");
        ExportFixtures.csv(euros.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), List.of(
                List.of("8", "8", "EUR", period, last.atDay(4) + "T00:00:00Z", "i-cmp-b")));
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", "file://" + euros + "/")).path("status").asString()).isEqualTo("ok");
        while (!jdbc.sql("SELECT coalesce(bool_and(requested_at = computed_for), false) FROM attribution_runs WHERE tenant_id = ?::uuid")
                .param(tenant).query(Boolean.class).single()) {
            assertThat(Instant.now()).isBefore(deadline.plusSeconds(60));
            sleep(200);
        }

        // The span: from the month's first day (the snapshot was in force before it) to its last day with billing data, the 20th.
        BigDecimal hours = BigDecimal.valueOf(20 * 24L);
        BigDecimal a = monthly.get("aws_instance.a").multiply(hours).divide(BigDecimal.valueOf(730), 10, RoundingMode.HALF_EVEN);
        BigDecimal b = monthly.get("aws_instance.b").multiply(hours).divide(BigDecimal.valueOf(730), 10, RoundingMode.HALF_EVEN);
        JsonNode byResource = api.get(ADMIN_KEY, "/api/v1/states/" + state + "/costs/compare?month=" + last).body();
        Map<String, JsonNode> rows = new HashMap<>();
        byResource.path("groups").forEach(r -> rows.put(r.path("key").asString(), r));
        assertThat(new BigDecimal(rows.get("aws_instance.a").path("estimated_cost").asString())).isEqualByComparingTo(a);
        assertThat(new BigDecimal(rows.get("aws_instance.a").path("actual_cost").asString())).isEqualByComparingTo("52.5");
        assertThat(new BigDecimal(rows.get("aws_instance.a").path("difference").asString()))
                .isEqualByComparingTo(new BigDecimal("52.5").subtract(a));
        assertThat(rows.get("aws_instance.a").path("difference_percent").asString()).isEqualTo(new BigDecimal("52.5").subtract(a)
                .multiply(BigDecimal.valueOf(100)).divide(a, 1, RoundingMode.HALF_EVEN).toPlainString());
        assertThat(rows.get("aws_instance.a").path("billed_days").asInt()).isEqualTo(2);
        assertThat(byResource.path("basis").asString()).isEqualTo("month");
        assertThat(byResource.path("spend_without_estimate").get(0).asString()).isEqualTo("aws_appsync_graphql_api.cdn");
        assertThat(byResource.path("estimate_without_spend").get(0).asString()).isEqualTo("aws_instance.b");

        JsonNode byState = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/compare?month=" + last + "&group_by=state").body();
        JsonNode web = byState.path("groups").get(0);
        assertThat(web.path("key").asString()).isEqualTo("web");
        assertThat(new BigDecimal(web.path("estimated_cost").asString())).isEqualByComparingTo(a.add(b));
        assertThat(new BigDecimal(web.path("actual_cost").asString())).as("the unmanaged line is not the state's")
                .isEqualByComparingTo("55.5");
        assertThat(byState.path("span_start").asString()).isEqualTo(last.atDay(1).toString());
        assertThat(byState.path("span_end").asString()).isEqualTo(last.atDay(20).toString());
        assertThat(byState.path("other_currencies").get(0).asString()).isEqualTo("EUR");

        // Converted: the EUR spend joins the comparison at the month's rate.
        assertThat(api.put(ADMIN_KEY, "/api/v1/exchange-rates/EUR/USD/" + last, Map.of("rate", new BigDecimal("1.25"))).status())
                .isEqualTo(200);
        JsonNode converted = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/compare?month=" + last
                + "&group_by=state&currency=USD").body();
        assertThat(new BigDecimal(converted.path("groups").get(0).path("actual_cost").asString()))
                .isEqualByComparingTo(new BigDecimal("55.5").add(new BigDecimal("8").multiply(new BigDecimal("1.25"))));
        assertThat(converted.path("other_currencies")).isEmpty();
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/compare?month=" + last + "&currency=EUR").raw())
                .contains("currency can only be USD");
        String actuals = "/api/v1/states/" + state + "/costs/actuals?from=" + last.atDay(1) + "&to=" + last.plusMonths(1).atDay(1);
        JsonNode mixed = api.get(ADMIN_KEY, actuals).body();
        assertThat(mixed.has("currency")).as("USD and EUR lines: no total").isFalse();
        assertThat(mixed.path("resources")).hasSize(3);
        JsonNode inUsd = api.get(ADMIN_KEY, actuals + "&currency=USD").body();
        assertThat(inUsd.path("currency").asString()).isEqualTo("USD");
        assertThat(new BigDecimal(inUsd.path("billed_cost").asString())).isEqualByComparingTo(new BigDecimal("55.5")
                .add(new BigDecimal("8").multiply(new BigDecimal("1.25"))));
        assertThat(inUsd.path("resources").get(0).path("address").asString()).isEqualTo("aws_instance.a");
        assertThat(new BigDecimal(inUsd.path("resources").get(2).path("billed_cost").asString())).as("E-cmp, the smallest")
                .isEqualByComparingTo("3");
        // The unmanaged resources in one currency too: i-elsewhere is the only one, billed in USD.
        String unmanaged = "/api/v1/tenants/" + tenant + "/costs/unmanaged?from=" + last.atDay(1) + "&to=" + last.plusMonths(1).atDay(1);
        JsonNode inEur = api.get(ADMIN_KEY, unmanaged + "&currency=EUR").body();
        assertThat(inEur.path("results")).hasSize(1);
        assertThat(inEur.path("results").get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(new BigDecimal(inEur.path("results").get(0).path("billed_cost").asString()))
                .isEqualByComparingTo(new BigDecimal("10").divide(new BigDecimal("1.25"), java.math.MathContext.DECIMAL64));
        assertThat(api.get(ADMIN_KEY, unmanaged + "&currency=CHF").raw()).contains("no exchange rate from USD to CHF for " + last);
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/compare?month=2026-13").status()).isEqualTo(400);
    }
}
