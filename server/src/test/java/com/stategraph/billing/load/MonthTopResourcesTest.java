package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A month's largest resources are kept per currency and metric (at most the API's largest limit of
 * them), not every resource's total: the resource view of a whole month, unfiltered, reads that list.
 * Expected answers are ranked here from the lines the exports were written with, summed over the
 * tenant's two sources, with more resources than are kept, tied costs and lines without a resource.
 */
class MonthTopResourcesTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final int RESOURCES = 1_203;
    private static final int KEPT = 1_000;
    private static final List<String> COLUMNS = List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart",
            "ChargePeriodStart", "ResourceId");

    /** Each (resource or "(none)", currency)'s cost per metric, as the lines say. */
    private record Key(String resource, String currency) {
    }

    private final Map<String, Map<Key, BigDecimal>> expected = new TreeMap<>();

    /**
     * Resource r bills (r % 400 + 1) cents a day for two days (ties every 400 resources) and its
     * effective cost runs the other way; every 50th resource also bills in EUR; three lines have no
     * resource. {@code shift} changes every cost. Adds what it wrote to {@link #expected}.
     */
    private void export(Path dir, String prefix, int resources, int shift) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < resources; r++) {
            String id = prefix + String.format("%05d", r);
            BigDecimal billed = BigDecimal.valueOf(r % 400 + 1 + shift, 2);
            BigDecimal effective = BigDecimal.valueOf(resources - r + shift, 2);
            for (int day = 1; day <= 2; day++) {
                rows.add(line(billed, effective, "USD", M.atDay(day).toString(), id));
            }
            if (r % 50 == 0) {
                rows.add(line(billed, effective, "EUR", M.atDay(3).toString(), id));
            }
        }
        for (int n = 0; n < 3; n++) {
            rows.add(line(BigDecimal.valueOf(700 + shift, 2), BigDecimal.ONE, "USD", M.atDay(4).toString(), ""));
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false, COLUMNS, rows);
    }

    private List<String> line(BigDecimal billed, BigDecimal effective, String currency, String day, String id) {
        Key key = new Key(id.isEmpty() ? "(none)" : id, currency);
        expected.computeIfAbsent("billed", m -> new TreeMap<>(Comparator.comparing(Key::resource).thenComparing(Key::currency)))
                .merge(key, billed, BigDecimal::add);
        expected.computeIfAbsent("effective", m -> new TreeMap<>(Comparator.comparing(Key::resource).thenComparing(Key::currency)))
                .merge(key, effective, BigDecimal::add);
        return List.of(billed.toPlainString(), effective.toPlainString(), currency, M.atDay(1) + "T00:00:00Z", day + "T00:00:00Z", id);
    }

    /** The month's resource view for a metric and limit against the inputs: ranked, then "other" per currency. */
    private void assertResourceView(String tenant, String metric, int limit) {
        assertResourceView(tenant, metric, limit, List.of("EUR", "USD"));
    }

    private void assertResourceView(String tenant, String metric, int limit, List<String> currencies) {
        JsonNode results = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=" + metric + "&group_by=resource"
                + "&limit=" + limit + "&from=" + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1)).body().path("results");
        Map<String, List<String>> actual = new TreeMap<>();
        for (JsonNode r : results) {
            actual.computeIfAbsent(r.path("currency").asString(), c -> new ArrayList<>())
                    .add(r.path("key").asString() + " " + new BigDecimal(r.path("cost").asString()).stripTrailingZeros().toPlainString());
        }
        Map<String, List<String>> want = new TreeMap<>();
        for (String currency : currencies) {
            List<Map.Entry<Key, BigDecimal>> ranked = expected.get(metric).entrySet().stream()
                    .filter(e -> e.getKey().currency().equals(currency))
                    .sorted(Map.Entry.<Key, BigDecimal>comparingByValue().reversed().thenComparing(e -> e.getKey().resource()))
                    .toList();
            assertThat(ranked).isNotEmpty();
            List<String> lines = new ArrayList<>();
            BigDecimal rest = BigDecimal.ZERO;
            for (int i = 0; i < ranked.size(); i++) {
                if (i < limit) {
                    lines.add(ranked.get(i).getKey().resource() + " " + ranked.get(i).getValue().stripTrailingZeros().toPlainString());
                } else {
                    rest = rest.add(ranked.get(i).getValue());
                }
            }
            if (ranked.size() > limit) {
                lines.add("other " + rest.stripTrailingZeros().toPlainString());
            }
            want.put(currency, lines);
        }
        assertThat(actual).as(metric + ", limit " + limit).isEqualTo(want);
    }

    private long keptRows(String tenant) {
        return jdbc.sql("SELECT count(*) FROM cost_month_top_resources WHERE tenant_id = ?::uuid").param(tenant).query(Long.class).single();
    }

    @Test
    void theMonthsLargestResourcesOverBothSourcesFollowEveryChange() throws Exception {
        Path one = tempDir("top-resources-a-");
        Path two = tempDir("top-resources-b-");
        String tenant = newTenant();
        export(one, "res-", RESOURCES, 0);
        export(two, "res-", 30, 0); // the same first 30 resources, in a second source
        String first = addSource(tenant, "aws", "file://" + one + "/");
        String second = addSource(tenant, "aws", "file://" + two + "/");
        assertThat(syncAndWait(tenant, first).path("status").asString()).isEqualTo("ok");
        assertThat(syncAndWait(tenant, second).path("status").asString()).isEqualTo("ok");
        for (String metric : List.of("billed", "effective")) {
            for (int limit : List.of(KEPT, 7)) {
                assertResourceView(tenant, metric, limit);
            }
        }
        // USD keeps 1,000 a metric; EUR has 25 resources.
        long kept = keptRows(tenant);
        assertThat(kept).as("the kept lists, not every resource").isEqualTo(4L * (KEPT + (RESOURCES + 49) / 50));

        // Every cost changes: the lists follow, and stay the same size.
        expected.clear();
        export(one, "res-", RESOURCES, 3);
        export(two, "res-", 30, 0);
        assertThat(syncAndWait(tenant, first).path("status").asString()).isEqualTo("ok");
        assertResourceView(tenant, "billed", KEPT);
        assertResourceView(tenant, "effective", 20);
        assertThat(keptRows(tenant)).isEqualTo(kept);

        // The second source removed: its share of each resource goes with it.
        assertThat(api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + second).status()).isEqualTo(204);
        expected.clear();
        export(one, "res-", RESOURCES, 3); // the same file again, for the expectation: the first source's lines alone
        assertResourceView(tenant, "billed", KEPT);
        assertResourceView(tenant, "effective", 5);
    }

    /** A tenant whose every line is in one currency, not the server's first: its lists carry that currency. */
    @Test
    void aTenantOfOneCurrencyKeepsItsListsInThatCurrency() throws Exception {
        Path dir = tempDir("top-resources-one-currency-");
        String tenant = newTenant();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            rows.add(line(BigDecimal.valueOf(r % 9 + 1, 1), BigDecimal.valueOf(40 - r, 1), "JPY", M.atDay(2).toString(), "vm-" + r));
        }
        rows.add(line(new BigDecimal("0.5"), BigDecimal.ONE, "JPY", M.atDay(2).toString(), ""));
        ExportFixtures.csv(dir.resolve("export.csv"), false, false, COLUMNS, rows);
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertResourceView(tenant, "billed", 6, List.of("JPY"));
        assertResourceView(tenant, "effective", KEPT, List.of("JPY"));
        assertThat(jdbc.sql("SELECT DISTINCT billing_currency FROM cost_month_top_resources WHERE tenant_id = ?::uuid").param(tenant)
                .query(String.class).list()).containsExactly("JPY");
    }
}
