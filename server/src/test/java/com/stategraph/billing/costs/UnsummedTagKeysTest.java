package com.stategraph.billing.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A tag key with more distinct values in a billing period than the server sums per value
 * ({@code stategraph.sync.summed-tag-values}, 25 for the sync tests) names each resource: its values
 * leave {@code cost_daily_tags} and the tag sets, the load records the key, and every question about
 * it (a filter, a grouping, the tag keys, the coverage) still gives what the lines say.
 */
class UnsummedTagKeysTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ServiceName", "Tags");
    private static final int LINES = 150;

    /** A line: its service, cost, and tags as text (a key given as JSON null maps to null). */
    private record Line(String service, BigDecimal cost, Map<String, String> tags, String json) {
    }

    @Test
    void aKeyPastTheBoundIsNotSummedPerValueAndIsAnsweredFromTheLines() throws Exception {
        List<Line> lines = lines();
        Path dir = tempDir("unsummed-tags-");
        List<List<String>> csv = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            csv.add(List.of(l.cost().toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1 + i % 7) + "T00:00:00Z", l.service(),
                    l.json()));
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false, HEADER, csv);
        String tenant = newTenant();
        JsonNode run = syncAndWait(tenant, addSource(tenant, "aws", "file://" + dir + "/"));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");

        long podLines = lines.stream().filter(l -> l.tags().containsKey("pod")).count();
        String recorded = jdbc.sql("SELECT unsummed_tag_keys::text FROM billing_loads WHERE tenant_id = ?::uuid AND state = 'current'")
                .param(tenant).query(String.class).single();
        assertThat(recorded).as("the key, with the lines naming it").isEqualTo("{\"pod\": " + podLines + "}");
        assertThat(jdbc.sql("SELECT count(*) FROM cost_daily_tags WHERE tenant_id = ?::uuid AND tag_key = 'pod'").param(tenant)
                .query(Long.class).single()).as("no per-value rows of the key").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM cost_daily_tags WHERE tenant_id = ?::uuid AND tag_key = 'team'").param(tenant)
                .query(Long.class).single()).as("the other keys are summed").isPositive();
        long distinctPods = lines.stream().map(l -> l.tags().get("pod")).filter(java.util.Objects::nonNull).distinct().count();
        long tagSets = jdbc.sql("SELECT count(DISTINCT tags_key) FROM cost_daily_tag_sets WHERE tenant_id = ?::uuid").param(tenant)
                .query(Long.class).single();
        assertThat(tagSets).as("masked sets: fewer sets than pods (%d)", distinctPods).isLessThan(distinctPods);

        // Each line's tags read back as they came, though most lines keep their pod outside the tag set.
        assertThat(jdbc.sql("SELECT count(*) FROM billing_rows r JOIN unnest(?::text[], ?::numeric[]) AS x (tags, cost)"
                        + " ON x.cost = r.billed_cost WHERE r.tenant_id = ?::uuid AND r.tags = x.tags::jsonb")
                .params(lines.stream().map(Line::json).toArray(String[]::new), lines.stream().map(Line::cost).toArray(BigDecimal[]::new), tenant)
                .query(Long.class).single()).isEqualTo(LINES);
        assertThat(jdbc.sql("SELECT count(t) FROM (SELECT tags_rest FROM billing_chunks WHERE tenant_id = ?::uuid UNION ALL"
                        + " SELECT tags_rest FROM billing_chunks_small WHERE tenant_id = ?::uuid) c, unnest(c.tags_rest) t")
                .params(tenant, tenant).query(Long.class).single()).as("pods kept outside the sets").isGreaterThan(LINES / 2);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_json WHERE tenant_id = ?::uuid").param(tenant).query(Long.class).single())
                .as("fewer JSON values than lines").isLessThan(LINES / 2);

        // A filter on one of its values, alone and with a summed key; a grouping by it.
        for (String pod : List.of("pod-7", "pod-149", "pod-none", "13.5", "pod-\"77\"-\u00e9", "pod-\u00e999")) {
            assertThat(sums(tenant, "group_by=service&tag=" + java.net.URLEncoder.encode("pod:" + pod, java.nio.charset.StandardCharsets.UTF_8)))
                    .as(pod).isEqualTo(expected(lines, Map.of("pod", pod), null));
        }
        assertThat(sums(tenant, "group_by=service&tag=pod:pod-8&tag=team:t2"))
                .isEqualTo(expected(lines, Map.of("pod", "pod-8", "team", "t2"), null));
        Map<String, BigDecimal> byPod = sums(tenant, "group_by=tag&tag_key=pod");
        assertThat(byPod).isEqualTo(expected(lines, Map.of(), "pod"));
        assertThat(byPod).as("every pod, (none) and untagged").hasSize((int) distinctPods + 2);
        // The summed keys still come from the rollups, the masked sets carrying them.
        assertThat(sums(tenant, "group_by=service&tag=team:t1")).isEqualTo(expected(lines, Map.of("team", "t1"), null));
        assertThat(sums(tenant, "group_by=service&tag=team:t0&tag=env:prod"))
                .isEqualTo(expected(lines, Map.of("team", "t0", "env", "prod"), null));
        assertThat(sums(tenant, "group_by=tag&tag_key=team")).isEqualTo(expected(lines, Map.of(), "team"));
        assertThat(sums(tenant, "group_by=service&tag=cc:12.5&tag=team:t1")).isEqualTo(expected(lines, Map.of("cc", "12.5", "team", "t1"), null));

        var keys = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals/tag-keys?" + range());
        assertThat(keys.status()).as(keys.raw()).isEqualTo(200);
        List<String> tagKeys = new ArrayList<>();
        keys.body().path("tag_keys").forEach(k -> tagKeys.add(k.asString()));
        assertThat(tagKeys).containsExactlyInAnyOrder("pod", "team", "env", "cc");

        var coverage = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/tag-coverage?metric=billed&" + range());
        assertThat(coverage.status()).as(coverage.raw()).isEqualTo(200);
        BigDecimal podTagged = lines.stream().filter(l -> l.tags().get("pod") != null).map(Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode pod = null;
        for (JsonNode k : coverage.body().path("results")) {
            if (k.path("tag_key").asString().equals("pod")) {
                pod = k;
            }
        }
        assertThat(pod).as(coverage.raw()).isNotNull();
        assertThat(new BigDecimal(pod.path("tagged_cost").asString())).isEqualByComparingTo(podTagged);
    }

    /** Each line a pod of its own, but every tenth with none and one with a JSON null; three teams, two environments. */
    private static List<Line> lines() {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            Map<String, String> tags = new TreeMap<>();
            tags.put("team", "t" + i % 3);
            tags.put("env", i % 2 == 0 ? "prod" : "dev");
            StringBuilder json = new StringBuilder("{\"team\":\"t" + i % 3 + "\",\"env\":\"" + tags.get("env") + "\"");
            if (i % 4 == 1) { // a number: the loader keeps 12.50 as 12.5 (OneTagFilterTest)
                tags.put("cc", "12.5");
                json.append(",\"cc\":12.50");
            }
            if (i == 40) {
                tags.put("pod", null);
                json.append(",\"pod\":null");
            } else if (i % 10 == 3) {
                tags.put("pod", i + ".5");
                json.append(",\"pod\":" + i + ".50");
            } else if (i == 77) {
                tags.put("pod", "pod-\"77\"-\u00e9");
                json.append(",\"pod\":\"pod-\\\"77\\\"-\u00e9\"");
            } else if (i == 99) { // an escape: the set goes to the dictionary whole
                tags.put("pod", "pod-\u00e999");
                json.append(",\"pod\":\"pod-\\u00e999\"");
            } else if (i % 10 != 5) {
                tags.put("pod", "pod-" + i);
                json.append(",\"pod\":\"pod-" + i + "\"");
            }
            out.add(new Line(i % 2 == 0 ? "Compute" : "Storage", BigDecimal.valueOf(1000 + 37L * i, 2), tags, json + "}"));
        }
        return out;
    }

    /** Sums per service of the lines carrying every tag of {@code filters}; or, with {@code groupKey}, per value of that key. */
    private static Map<String, BigDecimal> expected(List<Line> lines, Map<String, String> filters, String groupKey) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Line l : lines) {
            if (filters.entrySet().stream().allMatch(f -> f.getValue().equals(l.tags().get(f.getKey())))) {
                String key = groupKey == null ? l.service()
                        : !l.tags().containsKey(groupKey) ? ActualsRepository.UNTAGGED
                        : l.tags().get(groupKey) == null ? ActualsRepository.NONE : l.tags().get(groupKey);
                out.merge(key, l.cost(), BigDecimal::add);
            }
        }
        return normalized(out);
    }

    private static String range() {
        return "from=" + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1);
    }

    private Map<String, BigDecimal> sums(String tenant, String query) {
        var response = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&" + range() + "&" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode g : response.body().path("results")) {
            assertThat(out.put(g.path("key").asString(), new BigDecimal(g.path("cost").asString()))).as(query).isNull();
        }
        return normalized(out);
    }

    private static Map<String, BigDecimal> normalized(Map<String, BigDecimal> sums) {
        Map<String, BigDecimal> out = new TreeMap<>();
        sums.forEach((k, v) -> out.put(k, v.stripTrailingZeros()));
        return out;
    }
}
