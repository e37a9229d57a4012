package com.stategraph.billing.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.WebhookReceiver;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Budgets end to end: 41 days of two teams' steady spend are synced; a budget scoped to one team's tag
 * shows what it spent, its month-end forecast and what remains, and its thresholds reached (actual 80 %,
 * and forecast 100 % while days remain) reach a webhook once per period; a quarterly budget over all
 * spend and one in a currency nobody bills in show their own figures; the tenant's month-end forecast
 * per currency; input errors name the field; only tenant admins change budgets.
 */
class BudgetsTest extends SyncServerTest {
    private static final WebhookReceiver RECEIVER = WebhookReceiver.started();
    private static final BigDecimal WEB_DAILY = new BigDecimal("100.25");
    private static final BigDecimal DATA_DAILY = new BigDecimal("50.5");

    @Autowired
    BudgetCheck check;

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    private static BigDecimal days(LocalDate from, LocalDate toInclusive, LocalDate dataStart) {
        LocalDate start = from.isBefore(dataStart) ? dataStart : from;
        long n = Math.max(0, toInclusive.toEpochDay() - start.toEpochDay() + 1);
        return BigDecimal.valueOf(n);
    }

    private HttpApi.Response create(String key, String tenant, Map<String, ?> body) {
        return api.post(key, "/api/v1/tenants/" + tenant + "/budgets", body);
    }

    @Test
    void budgetsShowTheirStatusAndAlertEachThresholdOncePerPeriod() throws Exception {
        String tenant = newTenant();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate dataStart = today.minusDays(40);
        List<List<String>> rows = new ArrayList<>();
        for (LocalDate day = dataStart; !day.isAfter(today); day = day.plusDays(1)) {
            String period = day.withDayOfMonth(1) + "T00:00:00Z";
            rows.add(List.of(WEB_DAILY.toPlainString(), WEB_DAILY.toPlainString(), "USD", period, day + "T00:00:00Z", "Amazon EC2",
                    "{\"team\":\"web\"}"));
            rows.add(List.of(DATA_DAILY.toPlainString(), DATA_DAILY.toPlainString(), "USD", period, day + "T00:00:00Z", "Amazon S3",
                    "{\"team\":\"data\"}"));
        }
        Path dir = tempDir("budgets-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ServiceName", "Tags"), rows);
        HttpApi.Response channel = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/notification-channels",
                Map.of("type", "webhook", "target", RECEIVER.url("/hooks/budgets-" + tenant), "events", List.of("budget")));
        assertThat(channel.status()).as(channel.raw()).isEqualTo(201);
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");

        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate monthEnd = monthStart.plusMonths(1);
        BigDecimal webSpent = WEB_DAILY.multiply(days(monthStart, today, dataStart));
        long remaining = monthEnd.toEpochDay() - today.toEpochDay() - 1;
        BigDecimal webForecast = webSpent.add(WEB_DAILY.multiply(BigDecimal.valueOf(remaining)));
        // 90 % spent: past the 80 % threshold, short of 100 %; the forecast passes 100 % while days remain.
        BigDecimal amount = webSpent.multiply(BigDecimal.TEN).divide(BigDecimal.valueOf(9), 2, RoundingMode.UP);

        // Input errors name the field; members read budgets but do not change them.
        String member = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "m", "role", "member")).text("key");
        Map<String, Object> web = new LinkedHashMap<>(Map.of("name", "Team web", "period", "monthly", "amount", amount,
                "currency", "USD", "filters", Map.of("tags", List.of("team:web"))));
        assertThat(create(member, tenant, web).status()).isEqualTo(403);
        Map<String, Object> bad = new LinkedHashMap<>(web);
        bad.put("period", "weekly");
        assertThat(create(ADMIN_KEY, tenant, bad).raw()).contains("period must be monthly or quarterly, got 'weekly'");
        bad = new LinkedHashMap<>(web);
        bad.put("amount", 0);
        assertThat(create(ADMIN_KEY, tenant, bad).raw()).contains("amount must be a number greater than 0");
        bad = new LinkedHashMap<>(web);
        bad.put("currency", "usd");
        assertThat(create(ADMIN_KEY, tenant, bad).raw()).contains("currency must be an ISO 4217 code such as USD, got 'usd'");
        bad = new LinkedHashMap<>(web);
        bad.put("filters", Map.of("tags", List.of("team")));
        assertThat(create(ADMIN_KEY, tenant, bad).raw()).contains("filters.tags: each is K:V");
        bad = new LinkedHashMap<>(web);
        bad.put("thresholds", List.of(Map.of("type", "spent", "percent", 50)));
        assertThat(create(ADMIN_KEY, tenant, bad).raw()).contains("thresholds[0].type must be actual or forecast");

        HttpApi.Response created = create(ADMIN_KEY, tenant, web);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String webId = created.text("id");
        assertThat(create(ADMIN_KEY, tenant, web).status()).as("names are unique in a tenant").isEqualTo(409);
        String allId = create(ADMIN_KEY, tenant, Map.of("name", "Everything", "period", "quarterly", "amount", new BigDecimal("1000000000"),
                "currency", "USD")).text("id");
        String eurId = create(ADMIN_KEY, tenant, Map.of("name", "Euro", "period", "monthly", "amount", BigDecimal.TEN, "currency", "EUR"))
                .text("id");

        // Creating them asked for a check: the thresholds reached are told, each once.
        boolean forecastOver = webForecast.compareTo(amount) >= 0;
        Set<String> expected = new HashSet<>(Set.of("actual 80"));
        if (forecastOver) {
            expected.add("forecast 100");
        }
        Set<String> told = new HashSet<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode event = HttpApi.JSON.readTree(RECEIVER.next("/hooks/budgets-" + tenant, Duration.ofSeconds(60)).body());
            assertThat(event.path("event").asString()).isEqualTo("budget");
            JsonNode b = event.path("budget");
            assertThat(b.path("budget_id").asString()).isEqualTo(webId);
            assertThat(b.path("currency").asString()).isEqualTo("USD");
            assertThat(new BigDecimal(b.path("spent").asString())).isEqualByComparingTo(webSpent);
            told.add(b.path("type").asString() + " " + b.path("percent").decimalValue().stripTrailingZeros().toPlainString());
        }
        assertThat(told).isEqualTo(expected);
        assertThat(check.checkAndCount(UUID.fromString(tenant))).as("each threshold once per period").isZero();

        JsonNode status = api.get(member, "/api/v1/tenants/" + tenant + "/budgets/" + webId).body().path("status");
        assertThat(status.path("period_start").asString()).isEqualTo(monthStart.toString());
        assertThat(status.path("period_end").asString()).isEqualTo(monthEnd.toString());
        assertThat(status.path("through").asString()).isEqualTo(today.toString());
        assertThat(new BigDecimal(status.path("spent").asString())).isEqualByComparingTo(webSpent);
        assertThat(new BigDecimal(status.path("forecast").asString())).as("a steady team: exactly its daily rate ahead")
                .isEqualByComparingTo(webForecast);
        assertThat(new BigDecimal(status.path("forecast_lower").asString())).isEqualByComparingTo(webForecast);
        assertThat(new BigDecimal(status.path("forecast_upper").asString())).isEqualByComparingTo(webForecast);
        assertThat(new BigDecimal(status.path("remaining").asString())).isEqualByComparingTo(amount.subtract(webSpent));
        assertThat(status.path("days_remaining").asLong()).isEqualTo(remaining);
        assertThat(new BigDecimal(status.path("spent_percent").asString()).doubleValue()).isBetween(89.9, 90.0);
        Set<String> alerted = new HashSet<>();
        status.path("alerts").forEach(a -> alerted.add(a.path("type").asString() + " "
                + a.path("percent").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(alerted).isEqualTo(expected);

        Map<String, JsonNode> listed = new LinkedHashMap<>();
        api.get(member, "/api/v1/tenants/" + tenant + "/budgets").body().path("results").forEach(b -> listed.put(b.path("id").asString(), b));
        assertThat(listed.keySet()).containsExactlyInAnyOrder(webId, allId, eurId);
        LocalDate quarterStart = monthStart.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        BigDecimal allSpent = WEB_DAILY.add(DATA_DAILY).multiply(days(quarterStart, today, dataStart));
        JsonNode all = listed.get(allId).path("status");
        assertThat(all.path("period_start").asString()).isEqualTo(quarterStart.toString());
        assertThat(new BigDecimal(all.path("spent").asString())).isEqualByComparingTo(allSpent);
        assertThat(all.path("alerts")).isEmpty();
        assertThat(listed.get(allId).path("thresholds")).as("the default thresholds").hasSize(3);
        JsonNode euro = listed.get(eurId).path("status");
        assertThat(euro.path("spent").asString()).as("no line bills in EUR, and no rate converts the USD ones").isEqualTo("0");
        assertThat(euro.path("forecast").asString()).isEqualTo("0");
        assertThat(euro.path("warning").asString()).contains("no exchange rate from USD to EUR for")
                .contains("lines in other currencies are not counted");
        assertThat(all.has("warning")).as("a budget in the billing currency needs no rate").isFalse();

        // With the rates of the months it reads, a budget in another currency counts every line, converted.
        java.time.YearMonth thisMonth = java.time.YearMonth.from(today);
        for (java.time.YearMonth m = java.time.YearMonth.from(dataStart); !m.isAfter(thisMonth); m = m.plusMonths(1)) {
            assertThat(api.put(ADMIN_KEY, "/api/v1/exchange-rates/USD/DKK/" + m, Map.of("rate", new BigDecimal("7"))).status())
                    .isEqualTo(200);
        }
        HttpApi.Response kroner = create(ADMIN_KEY, tenant, Map.of("name", "Kroner", "period", "monthly", "amount",
                new BigDecimal("1000000"), "currency", "DKK"));
        assertThat(kroner.status()).as(kroner.raw()).isEqualTo(201);
        JsonNode dkk = kroner.body().path("status");
        BigDecimal daily = WEB_DAILY.add(DATA_DAILY).multiply(BigDecimal.valueOf(7));
        assertThat(new BigDecimal(dkk.path("spent").asString())).isEqualByComparingTo(daily.multiply(days(monthStart, today, dataStart)));
        assertThat(new BigDecimal(dkk.path("forecast").asString())).isEqualByComparingTo(
                daily.multiply(days(monthStart, today, dataStart)).add(daily.multiply(BigDecimal.valueOf(remaining))));
        assertThat(dkk.has("warning")).isFalse();

        JsonNode forecast = api.get(member, "/api/v1/tenants/" + tenant + "/costs/forecast").body();
        assertThat(forecast.path("month").asString()).isEqualTo(monthStart.toString().substring(0, 7));
        assertThat(forecast.path("results")).hasSize(1);
        JsonNode usd = forecast.path("results").get(0);
        BigDecimal tenantSpent = WEB_DAILY.add(DATA_DAILY).multiply(days(monthStart, today, dataStart));
        assertThat(new BigDecimal(usd.path("spent").asString())).isEqualByComparingTo(tenantSpent);
        assertThat(new BigDecimal(usd.path("forecast").asString())).isEqualByComparingTo(
                tenantSpent.add(WEB_DAILY.add(DATA_DAILY).multiply(BigDecimal.valueOf(remaining))));
        assertThat(api.get(member, "/api/v1/tenants/" + tenant + "/costs/forecast?month=2026-13").raw())
                .contains("month must be YYYY-MM, got '2026-13'");

        // Changes are the admins'; removing a budget removes its history.
        assertThat(api.put(member, "/api/v1/tenants/" + tenant + "/budgets/" + webId, web).status()).isEqualTo(403);
        Map<String, Object> raised = new LinkedHashMap<>(web);
        raised.put("amount", amount.multiply(BigDecimal.TEN));
        HttpApi.Response updated = api.put(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/budgets/" + webId, raised);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(new BigDecimal(updated.body().path("amount").asString())).isEqualByComparingTo(amount.multiply(BigDecimal.TEN));
        assertThat(updated.body().path("status").path("alerts")).as("what was alerted this period stays alerted").hasSize(expected.size());
        assertThat(api.delete(member, "/api/v1/tenants/" + tenant + "/budgets/" + webId).status()).isEqualTo(403);
        assertThat(api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/budgets/" + webId).status()).isEqualTo(204);
        assertThat(api.get(member, "/api/v1/tenants/" + tenant + "/budgets/" + webId).status()).isEqualTo(404);
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/audit-log").raw()).contains("budget.create")
                .contains("budget.update").contains("budget.delete");
    }
}
