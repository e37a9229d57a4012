package com.stategraph.billing.currency;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One reporting currency: the operator's rates by hand and from a CSV (all or nothing, errors naming
 * row and column), final months never changed, cost views converted at each month's rate with the
 * original currencies kept, the reverse pair's rate inverted, and a missing rate an error naming the
 * pair and month.
 */
class CurrencyTest extends SyncServerTest {
    private static final YearMonth JAN = YearMonth.of(2025, 1);
    private static final YearMonth FEB = YearMonth.of(2025, 2);

    private static void export(Path dir, String currency, String service, Map<YearMonth, String> costs) throws Exception {
        List<List<String>> rows = costs.entrySet().stream().map(e -> List.of(e.getValue(), e.getValue(), currency,
                e.getKey().atDay(1) + "T00:00:00Z", e.getKey().atDay(5) + "T00:00:00Z", service)).toList();
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ServiceName"), rows);
    }

    private HttpApi.Response csv(String key, String body) {
        return api.postBytes(key, "/api/v1/exchange-rates", body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
    }

    @Test
    void costViewsAnswerInOneCurrencyAtEachMonthsRate() throws Exception {
        String tenant = newTenant();
        Path usd = tempDir("currency-usd-");
        export(usd, "USD", "Compute", Map.of(JAN, "100.10", FEB, "50"));
        Path eur = tempDir("currency-eur-");
        export(eur, "EUR", "Compute", Map.of(JAN, "80", FEB, "40.5"));
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", usd.toUri().toString())).path("status").asString()).isEqualTo("ok");
        assertThat(syncAndWait(tenant, addSource(tenant, "azure", eur.toUri().toString())).path("status").asString()).isEqualTo("ok");

        // Only the instance admin sets rates; a CSV with one bad row writes nothing.
        String tenantAdmin = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "a", "role", "admin")).text("key");
        assertThat(api.put(tenantAdmin, "/api/v1/exchange-rates/USD/EUR/" + JAN, Map.of("rate", new BigDecimal("0.9"))).status())
                .isEqualTo(403);
        HttpApi.Response bad = csv(ADMIN_KEY, "from,to,month,rate\nUSD,EUR," + FEB + ",0.95\nUSD,EUR," + JAN + ",abc\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("row 3, column rate: 'abc' is not a number");
        assertThat(csv(ADMIN_KEY, "from,to,rate\nUSD,EUR,1\n").raw()).contains("row 1: the header has no column 'month'");
        assertThat(csv(ADMIN_KEY, "from,to,month,rate\nusd,EUR," + JAN + ",1\n").raw())
                .contains("row 2, column from must be an ISO 4217 code such as EUR, got 'usd'");
        assertThat(api.get(ADMIN_KEY, "/api/v1/exchange-rates?from=USD&to=EUR").body().path("results")).as("all or nothing").isEmpty();

        HttpApi.Response set = api.put(ADMIN_KEY, "/api/v1/exchange-rates/USD/EUR/" + JAN, Map.of("rate", new BigDecimal("0.9")));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().path("final").asBoolean()).isTrue();
        HttpApi.Response loaded = csv(ADMIN_KEY, "\uFEFFFrom,To,Month,Rate\nUSD,EUR," + FEB + ",0.95\nUSD,EUR," + JAN + ",0.90\n");
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(200);
        assertThat(loaded.body().path("set").asInt()).isEqualTo(1);
        assertThat(loaded.body().path("unchanged").asInt()).isEqualTo(1);
        // A month before this one is final; this month's rate may still move.
        HttpApi.Response moved = api.put(ADMIN_KEY, "/api/v1/exchange-rates/USD/EUR/" + JAN, Map.of("rate", new BigDecimal("0.91")));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.raw()).contains("RATE_FINAL").contains("the rate from USD to EUR for 2025-01 is final (0.9");
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        assertThat(api.put(ADMIN_KEY, "/api/v1/exchange-rates/CHF/JPY/" + now, Map.of("rate", new BigDecimal("170"))).status()).isEqualTo(200);
        HttpApi.Response again = api.put(ADMIN_KEY, "/api/v1/exchange-rates/CHF/JPY/" + now, Map.of("rate", new BigDecimal("171.5")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("rate").asString()).isEqualTo("171.5");
        assertThat(again.body().path("final").asBoolean()).isFalse();

        String actuals = "/api/v1/tenants/" + tenant + "/costs/actuals?from=" + JAN.atDay(1) + "&to=" + FEB.plusMonths(1).atDay(1)
                + "&group_by=service";
        JsonNode inEur = api.get(tenantAdmin, actuals + "&currency=EUR").body();
        BigDecimal expected = new BigDecimal("100.10").multiply(new BigDecimal("0.9")).add(new BigDecimal("50").multiply(new BigDecimal("0.95")))
                .add(new BigDecimal("80")).add(new BigDecimal("40.5"));
        assertThat(inEur.path("results")).hasSize(1);
        JsonNode compute = inEur.path("results").get(0);
        assertThat(compute.path("key").asString()).isEqualTo("Compute");
        assertThat(compute.path("currency").asString()).isEqualTo("EUR");
        assertThat(new BigDecimal(compute.path("cost").asString())).isEqualByComparingTo(expected);
        assertThat(inEur.path("totals").get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(new BigDecimal(inEur.path("totals").get(0).path("cost").asString())).isEqualByComparingTo(expected);
        Map<String, BigDecimal> original = new java.util.TreeMap<>();
        compute.path("original").forEach(o -> original.put(o.path("currency").asString(), new BigDecimal(o.path("cost").asString())));
        assertThat(original).containsOnlyKeys("EUR", "USD");
        assertThat(original.get("USD")).isEqualByComparingTo("150.10");
        assertThat(original.get("EUR")).isEqualByComparingTo("120.5");
        assertThat(inEur.path("exchange_rates")).hasSize(2);

        JsonNode monthly = api.get(tenantAdmin, actuals + "&currency=EUR&granularity=month").body().path("results").get(0).path("series");
        assertThat(new BigDecimal(monthly.get(0).path("cost").asString())).isEqualByComparingTo(
                new BigDecimal("100.10").multiply(new BigDecimal("0.9")).add(new BigDecimal("80")));
        assertThat(new BigDecimal(monthly.get(1).path("cost").asString())).isEqualByComparingTo(
                new BigDecimal("50").multiply(new BigDecimal("0.95")).add(new BigDecimal("40.5")));

        // USD from the reverse pair's rates.
        JsonNode inUsd = api.get(tenantAdmin, actuals + "&currency=USD").body();
        BigDecimal usdExpected = new BigDecimal("150.10").add(new BigDecimal("80").divide(new BigDecimal("0.9"), MathContext.DECIMAL64))
                .add(new BigDecimal("40.5").divide(new BigDecimal("0.95"), MathContext.DECIMAL64));
        assertThat(new BigDecimal(inUsd.path("results").get(0).path("cost").asString()).subtract(usdExpected).abs())
                .isLessThan(new BigDecimal("1e-9"));
        assertThat(inUsd.path("exchange_rates")).allSatisfy(r -> assertThat(r.path("inverse").asBoolean()).isTrue());

        JsonNode split = api.get(tenantAdmin, "/api/v1/tenants/" + tenant + "/costs/attribution?from=" + JAN.atDay(1) + "&to="
                + FEB.plusMonths(1).atDay(1) + "&currency=EUR").body();
        assertThat(split.path("currency").asString()).as("one currency: the split has its totals").isEqualTo("EUR");
        assertThat(new BigDecimal(split.path("total_cost").asString())).isEqualByComparingTo(expected);
        assertThat(new BigDecimal(split.path("unallocated_cost").asString())).as("no line names a resource").isEqualByComparingTo(expected);
        assertThat(split.path("line_count").asLong()).isEqualTo(4);
        JsonNode forecast = api.get(tenantAdmin, "/api/v1/tenants/" + tenant + "/costs/forecast?month=" + FEB + "&currency=EUR").body();
        assertThat(forecast.path("results")).hasSize(1);
        BigDecimal february = new BigDecimal("50").multiply(new BigDecimal("0.95")).add(new BigDecimal("40.5"));
        assertThat(forecast.path("results").get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(new BigDecimal(forecast.path("results").get(0).path("spent").asString())).isEqualByComparingTo(february);
        assertThat(new BigDecimal(forecast.path("results").get(0).path("forecast").asString())).as("a month that has ended")
                .isEqualByComparingTo(february);
        assertThat(forecast.path("results").get(0).path("days_remaining").asLong()).isZero();
        HttpApi.Response missing = api.get(tenantAdmin, actuals + "&currency=GBP");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.raw()).contains("MISSING_EXCHANGE_RATE").containsPattern("no exchange rate from (USD|EUR) to GBP for 2025-0[12]");
        assertThat(api.get(tenantAdmin, actuals + "&currency=euro").raw()).contains("currency must be an ISO 4217 code such as EUR, got 'euro'");
        JsonNode unconverted = api.get(tenantAdmin, actuals).body();
        assertThat(unconverted.path("results")).as("without currency, each billing currency apart").hasSize(2);
        assertThat(unconverted.has("exchange_rates")).isFalse();

        // The tenant's reporting currency: set by its admins, read by its members.
        String member = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "m", "role", "member")).text("key");
        assertThat(api.put(member, "/api/v1/tenants/" + tenant + "/reporting-currency", Map.of("reporting_currency", "EUR")).status())
                .isEqualTo(403);
        assertThat(api.put(tenantAdmin, "/api/v1/tenants/" + tenant + "/reporting-currency", Map.of("reporting_currency", "eur")).raw())
                .contains("reporting_currency must be an ISO 4217 code");
        assertThat(api.put(tenantAdmin, "/api/v1/tenants/" + tenant + "/reporting-currency", Map.of("reporting_currency", "EUR")).status())
                .isEqualTo(200);
        assertThat(api.get(member, "/api/v1/tenants/" + tenant + "/reporting-currency").body().path("reporting_currency").asString())
                .isEqualTo("EUR");
    }

    @Test
    void billingPeriodViewsAnswerInOneCurrency() throws Exception {
        YearMonth july = YearMonth.of(2025, 7);
        String tenant = newTenant();
        List<String> header = List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "BillingCurrency", "BillingPeriodStart",
                "ChargePeriodStart", "ServiceName", "ChargeCategory", "InvoiceId", "InvoiceIssuerName", "CommitmentDiscountId",
                "CommitmentDiscountStatus", "Tags");
        String start = july.atDay(1) + "T00:00:00Z";
        Path usd = tempDir("periods-usd-");
        ExportFixtures.csv(usd.resolve("focus.csv"), false, false, header, List.of(List.of("60", "60", "100", "80", "USD", start, start,
                "Amazon EC2", "Usage", "INV-1", "AWS", "sp-1", "Used", "{\"team\":\"web\"}")));
        Path eur = tempDir("periods-eur-");
        ExportFixtures.csv(eur.resolve("focus.csv"), false, false, header, List.of(List.of("40", "40", "50", "45", "EUR", start, start,
                "Amazon EC2", "Usage", "INV-1", "AWS", "sp-1", "Used", "")));
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", usd.toUri().toString())).path("status").asString()).isEqualTo("ok");
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", eur.toUri().toString())).path("status").asString()).isEqualTo("ok");
        assertThat(api.put(ADMIN_KEY, "/api/v1/exchange-rates/USD/EUR/" + july, Map.of("rate", new BigDecimal("0.9"))).status())
                .isEqualTo(200);
        String range = "?from=" + july + "&to=" + july.plusMonths(1) + "&currency=EUR";
        String base = "/api/v1/tenants/" + tenant + "/costs/";
        BigDecimal rate = new BigDecimal("0.9");

        JsonNode savings = api.get(ADMIN_KEY, base + "savings" + range).body().path("results");
        assertThat(savings).as("the two currencies' lines are one group").hasSize(1);
        BigDecimal list = new BigDecimal("100").multiply(rate).add(new BigDecimal("50"));
        BigDecimal effective = new BigDecimal("60").multiply(rate).add(new BigDecimal("40"));
        JsonNode s = savings.get(0);
        assertThat(s.path("currency").asString()).isEqualTo("EUR");
        assertThat(new BigDecimal(s.path("list_cost").asString())).isEqualByComparingTo(list);
        assertThat(new BigDecimal(s.path("contracted_cost").asString())).isEqualByComparingTo(
                new BigDecimal("80").multiply(rate).add(new BigDecimal("45")));
        assertThat(new BigDecimal(s.path("total_savings").asString())).isEqualByComparingTo(list.subtract(effective));
        assertThat(s.path("effective_savings_rate_percent").asString()).isEqualTo(list.subtract(effective)
                .multiply(BigDecimal.valueOf(100)).divide(list, 2, java.math.RoundingMode.HALF_EVEN).toPlainString());
        assertThat(s.path("line_count").asLong()).isEqualTo(2);

        JsonNode invoice = api.get(ADMIN_KEY, base + "invoices" + range).body().path("results");
        assertThat(invoice).hasSize(1);
        assertThat(new BigDecimal(invoice.get(0).path("billed_cost").asString())).isEqualByComparingTo(effective);
        JsonNode used = api.get(ADMIN_KEY, base + "commitments" + range).body().path("results");
        assertThat(used).hasSize(1);
        assertThat(new BigDecimal(used.get(0).path("used_cost").asString())).isEqualByComparingTo(effective);
        assertThat(used.get(0).path("utilization_percent").asString()).isEqualTo("100.00");
        JsonNode covered = api.get(ADMIN_KEY, base + "commitment-coverage" + range).body().path("results");
        assertThat(covered).hasSize(1);
        assertThat(new BigDecimal(covered.get(0).path("covered_cost").asString())).isEqualByComparingTo(effective);

        JsonNode tags = api.get(ADMIN_KEY, base + "tag-coverage?from=" + july.atDay(1) + "&to=" + july.plusMonths(1).atDay(1)
                + "&currency=EUR").body().path("results");
        assertThat(tags).as("one entry for the key, both currencies' lines in it").hasSize(1);
        BigDecimal tagged = new BigDecimal("60").multiply(rate);
        assertThat(tags.get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(new BigDecimal(tags.get(0).path("tagged_cost").asString())).isEqualByComparingTo(tagged);
        assertThat(new BigDecimal(tags.get(0).path("total_cost").asString())).isEqualByComparingTo(effective);
        assertThat(tags.get(0).path("coverage_percent").asString()).isEqualTo(tagged.multiply(BigDecimal.valueOf(100))
                .divide(effective, 2, java.math.RoundingMode.HALF_EVEN).toPlainString());
        assertThat(api.get(ADMIN_KEY, base + "savings?from=" + july + "&to=" + july.plusMonths(1)).body().path("results"))
                .as("without currency, one group per billing currency").hasSize(2);
        assertThat(api.get(ADMIN_KEY, base + "invoices?from=" + july + "&to=" + july.plusMonths(1) + "&currency=GBP").raw())
                .contains("MISSING_EXCHANGE_RATE").containsPattern("no exchange rate from (USD|EUR) to GBP for 2025-07");
    }
}
