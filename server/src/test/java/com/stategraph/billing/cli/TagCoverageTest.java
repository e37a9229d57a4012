package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tag coverage on a synced export (API and CLI): for every tag key, the share of each currency's cost whose lines
 * carry the key, in all, per provider and per service, derived here from the lines themselves.
 */
class TagCoverageTest extends SyncServerTest {
    private record Line(String provider, String service, String cost, String currency, String tags) {
    }

    private static final List<Line> LINES = List.of(
            new Line("AWS", "Amazon EC2", "100.25", "USD", "{\"team\":\"web\",\"env\":\"prod\"}"),
            new Line("AWS", "Amazon EC2", "40", "USD", "{\"env\":\"dev\"}"),
            new Line("AWS", "Amazon S3", "9.75", "USD", ""),
            new Line("AWS", "Amazon S3", "-2.5", "USD", "{\"team\":\"data\"}"),
            new Line("Google Cloud", "BigQuery", "30", "USD", "{\"team\":\"data\"}"),
            new Line("Google Cloud", "BigQuery", "12", "EUR", "{\"team\":\"data\"}"),
            new Line("Google Cloud", "Cloud Storage", "8", "EUR", ""));

    @Test
    void everyKeysShareOfCostPerCurrencyProviderAndService() throws Exception {
        String tenant = newTenant();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        Path dir = tempDir("tag-coverage-");
        List<List<String>> rows = new ArrayList<>();
        for (Line l : LINES) {
            rows.add(List.of(l.cost(), l.cost(), l.currency(), day + "T00:00:00Z", day + "T00:00:00Z", l.provider(), l.service(), l.tags()));
        }
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ProviderName", "ServiceName", "Tags"), rows);
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");

        HttpApi.Response answer = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/tag-coverage?from=" + day + "&to="
                + day.plusDays(1));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        JsonNode results = answer.body().path("results");
        // Expected, from the lines: per (key, currency), and per provider / service within it.
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (String key : List.of("team", "env")) {
            for (Line l : LINES) {
                boolean tagged = l.tags().contains("\"" + key + "\"");
                for (String part : List.of("", l.provider(), l.provider() + "/" + l.service())) {
                    BigDecimal[] sums = expected.computeIfAbsent(key + "|" + l.currency() + "|" + part,
                            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    sums[0] = sums[0].add(tagged ? new BigDecimal(l.cost()) : BigDecimal.ZERO);
                    sums[1] = sums[1].add(new BigDecimal(l.cost()));
                }
            }
        }
        Map<String, BigDecimal[]> actual = new HashMap<>();
        Map<String, String> percents = new HashMap<>();
        assertThat(results).isNotEmpty();
        for (JsonNode k : results) {
            String prefix = k.path("tag_key").asString() + "|" + k.path("currency").asString() + "|";
            put(actual, percents, prefix, k);
            k.path("by_provider").forEach(p -> put(actual, percents, prefix + p.path("provider").asString(), p));
            k.path("by_service").forEach(s -> put(actual, percents, prefix + s.path("provider").asString() + "/"
                    + s.path("service_name").asString(), s));
        }
        // EUR has no line with env: a key no line of a currency carries still shows that currency at 0 %.
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((k, sums) -> {
            assertThat(actual.get(k)[0]).as(k + " tagged").isEqualByComparingTo(sums[0]);
            assertThat(actual.get(k)[1]).as(k + " total").isEqualByComparingTo(sums[1]);
            String percent = sums[1].signum() == 0 ? null
                    : sums[0].multiply(BigDecimal.valueOf(100)).divide(sums[1], 2, RoundingMode.HALF_EVEN).toPlainString();
            assertThat(percents.get(k)).as(k + " coverage").isEqualTo(percent);
        });
        List<BigDecimal> order = new ArrayList<>();
        results.forEach(r -> order.add(new BigDecimal(r.path("coverage_percent").asString())));
        assertThat(order).as("highest coverage first").isSortedAccordingTo((a, b) -> b.compareTo(a));

        String csv = new CliRunner(api.base(), ADMIN_KEY).run("cost", "tag-coverage", "--tenant", tenant, "--from", day.toString(),
                "--to", day.plusDays(1).toString(), "--by", "service", "--format", "csv").out();
        BigDecimal[] s3Team = expected.get("team|USD|AWS/Amazon S3");
        assertThat(csv).startsWith("TAG_KEY,PROVIDER,SERVICE,CURRENCY,TAGGED,TOTAL,COVERAGE")
                .contains("team,AWS,Amazon S3,USD," + s3Team[0].toPlainString() + "," + s3Team[1].toPlainString() + ",");
    }

    private static void put(Map<String, BigDecimal[]> actual, Map<String, String> percents, String key, JsonNode share) {
        actual.put(key, new BigDecimal[] {new BigDecimal(share.path("tagged_cost").asString()), new BigDecimal(share.path("total_cost").asString())});
        percents.put(key, share.path("coverage_percent").isString() ? share.path("coverage_percent").asString() : null);
    }
}
