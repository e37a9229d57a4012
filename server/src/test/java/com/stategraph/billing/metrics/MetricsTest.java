package com.stategraph.billing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * /actuator/prometheus after real syncs: runs by outcome, duration, rows and bytes per source, last
 * success, rows per billing period, the price book's age and attribution coverage; and every metric
 * the Grafana dashboard under deploy/grafana asks for is one the server exports.
 */
class MetricsTest extends SyncServerTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Autowired
    StoreGauges gauges;

    @Autowired
    com.stategraph.billing.metrics.ManagementPort management;

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private List<Sample> scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management.localPort() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        assertThat(samples).isNotEmpty();
        return samples;
    }

    /** The one sample of {@code name} whose labels include {@code labels}. */
    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
        assertThat(found).as(name + " " + labels).hasSize(1);
        return found.get(0).value();
    }

    @Test
    void syncsPerSourceStoreGaugesAndTheDashboardsMetrics() throws Exception {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth last = now.minusMonths(1);
        Path dir = tempDir("metrics-");
        List<List<String>> rows = List.of(
                List.of("10.5", "USD", now.atDay(1) + "T00:00:00Z", now.atDay(1) + "T00:00:00Z", "i-managed"),
                List.of("4.5", "USD", now.atDay(1) + "T00:00:00Z", now.atDay(1) + "T00:00:00Z", "i-other"),
                List.of("2", "USD", last.atDay(1) + "T00:00:00Z", last.atDay(1) + "T00:00:00Z", "i-managed"));
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        var pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/prod",
                TerraformStates.state(1, "metrics").managed("aws_instance", "web", "aws", Map.of("id", "i-managed")).json());
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        String source = addSource(tenant, "aws", dir.toUri().toString());
        JsonNode ok = syncAndWait(tenant, source);
        assertThat(ok.path("status").asString()).isEqualTo("ok");
        String failing = addSource(tenant, "aws", tempDir("metrics-empty-").toUri().toString());
        assertThat(syncAndWait(tenant, failing).path("status").asString()).isEqualTo("error");
        awaitAttribution(tenant, null);
        gauges.refresh();

        List<Sample> samples = scrape();
        Map<String, String> okSource = Map.of("tenant", tenant, "source", source, "provider", "aws");
        assertThat(value(samples, "stategraph_sync_runs_total", with(okSource, "outcome", "ok"))).isEqualTo(1.0);
        assertThat(value(samples, "stategraph_sync_duration_seconds_count", with(okSource, "outcome", "ok"))).isEqualTo(1.0);
        assertThat(value(samples, "stategraph_sync_rows_total", okSource)).isEqualTo(rows.size());
        assertThat(value(samples, "stategraph_sync_read_bytes_total", okSource)).isEqualTo(Files.size(dir.resolve("focus.csv")));
        Map<String, String> failed = Map.of("tenant", tenant, "source", failing, "provider", "aws");
        assertThat(value(samples, "stategraph_sync_runs_total", with(failed, "outcome", "error"))).isEqualTo(1.0);

        double lastSuccess = value(samples, "stategraph_source_last_success_timestamp_seconds", okSource);
        assertThat(lastSuccess).isBetween(Instant.now().minusSeconds(300).getEpochSecond() * 1.0, Instant.now().getEpochSecond() + 1.0);
        assertThat(samples.stream().filter(s -> s.name().equals("stategraph_source_last_success_timestamp_seconds"))
                .noneMatch(s -> failing.equals(s.labels().get("source")))).as("a source that never synced has no last success").isTrue();
        assertThat(value(samples, "stategraph_source_period_rows", with(okSource, "billing_period", now.toString()))).isEqualTo(2.0);
        assertThat(value(samples, "stategraph_source_period_rows", with(okSource, "billing_period", last.toString()))).isEqualTo(1.0);

        BigDecimal attributed = new BigDecimal(rows.get(0).get(0));
        BigDecimal total = attributed.add(new BigDecimal(rows.get(1).get(0)));
        assertThat(value(samples, "stategraph_attribution_coverage_ratio", Map.of("tenant", tenant, "currency", "USD")))
                .isEqualTo(attributed.divide(total, 6, RoundingMode.HALF_EVEN).doubleValue());
        double bookAge = value(samples, "stategraph_pricing_book_age_seconds", Map.of());
        assertThat(bookAge).isBetween(0.0, 3600.0);

        // Every metric the dashboard queries is exported.
        Path dashboards = Path.of(System.getProperty("stategraph.repo", ".."), "deploy", "grafana");
        List<Path> files;
        try (Stream<Path> list = Files.list(dashboards)) {
            files = list.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(files).isNotEmpty();
        TreeSet<String> used = new TreeSet<>();
        for (Path file : files) {
            JsonNode dashboard = HttpApi.JSON.readTree(Files.readString(file));
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    Matcher m = Pattern.compile("stategraph_[a-z_]+").matcher(target.path("expr").asString());
                    while (m.find()) {
                        used.add(m.group());
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThanOrEqualTo(8);
        TreeSet<String> exported = new TreeSet<>(samples.stream().map(Sample::name).toList());
        assertThat(exported).containsAll(used);
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> out = new TreeMap<>(labels);
        out.put(key, value);
        return out;
    }
}
