package com.stategraph.billing.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Which questions the resource and tag-set rollups answer, shown by taking the billing rows away
 * under them: the rollups' answers stay, a question that must read rows then finds none. And a
 * re-sync replaces the rollups (never adds to them), a removed source takes them along.
 */
class RollupPathsTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ResourceId", "ServiceName", "Tags");

    private record Line(LocalDate day, String resource, String team, BigDecimal cost) {
    }

    private static List<Line> lines(int scale) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            out.add(new Line(M.atDay(1 + i % M.lengthOfMonth()), "res-" + i % 7, i % 3 == 0 ? "web" : "data",
                    BigDecimal.valueOf((long) (i + 1) * scale, 2)));
        }
        return out;
    }

    private static void write(Path dir, List<Line> lines) throws Exception {
        List<List<String>> csv = new ArrayList<>();
        for (Line l : lines) {
            csv.add(List.of(l.cost().toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", l.day() + "T00:00:00Z", l.resource(),
                    "Compute", "{\"team\":\"" + l.team() + "\",\"env\":\"prod\"}"));
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false, HEADER, csv);
    }

    private Map<String, BigDecimal> answer(String tenant, String query) {
        var response = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode g : response.body().path("results")) {
            out.put(g.path("key").asString(), new BigDecimal(g.path("cost").asString()));
        }
        return out;
    }

    private static Map<String, BigDecimal> byResource(List<Line> lines, LocalDate from, String team) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Line l : lines) {
            if (!l.day().isBefore(from) && (team == null || team.equals(l.team()))) {
                out.merge(l.resource(), l.cost(), BigDecimal::add);
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> byTeam(List<Line> lines) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Line l : lines) {
            out.merge(l.team(), l.cost(), BigDecimal::add);
        }
        return out;
    }

    static void assertSums(Map<String, BigDecimal> actual, Map<String, BigDecimal> expected) {
        assertThat(expected).isNotEmpty();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isEqualByComparingTo(v));
    }

    @Test
    void rollupsAnswerWithoutTheRowsAndFollowEveryReplace() throws Exception {
        Path dir = tempDir("rollup-paths-");
        List<Line> first = lines(1);
        write(dir, first);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        String month = "from=" + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1);
        String resources = month + "&group_by=resource";
        String partial = "from=" + M.atDay(10) + "&to=" + M.plusMonths(1).atDay(1) + "&group_by=resource";
        String perTeam = month + "&group_by=tag&tag_key=team&tag=env:prod";
        String oneTeam = month + "&group_by=resource&tag=team:web";
        assertSums(answer(tenant, resources), byResource(first, M.atDay(1), null));
        assertSums(answer(tenant, partial), byResource(first, M.atDay(10), null));
        assertSums(answer(tenant, perTeam), byTeam(first));
        assertSums(answer(tenant, oneTeam), byResource(first, M.atDay(1), "web"));

        // A re-sync with every cost tripled: the rollups hold the new sums only.
        List<Line> second = lines(3);
        write(dir, second);
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertSums(answer(tenant, resources), byResource(second, M.atDay(1), null));
        assertSums(answer(tenant, perTeam), byTeam(second));

        // The rows go; what the rollups answer stays, what needs rows (part of a month, a resource by tag) is empty.
        long deleted = jdbc.sql("WITH gone AS (DELETE FROM billing_chunks WHERE tenant_id = ?::uuid RETURNING row_count)"
                + " SELECT sum(row_count) FROM gone").param(tenant).query(Long.class).single();
        assertThat(deleted).isEqualTo(second.size());
        assertSums(answer(tenant, resources), byResource(second, M.atDay(1), null));
        assertSums(answer(tenant, perTeam), byTeam(second));
        assertThat(answer(tenant, partial)).isEmpty();
        assertThat(answer(tenant, oneTeam)).isEmpty();

        assertThat(api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source).status()).isEqualTo(204);
        assertThat(answer(tenant, resources)).isEmpty();
        assertThat(answer(tenant, perTeam)).isEmpty();
        for (String table : List.of("cost_monthly_resources", "cost_daily_tag_sets")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = ?::uuid").param(tenant).query(Long.class)
                    .single()).as(table).isZero();
        }
    }

    /** Two sources of one tenant synced at once, billing some of the same resources: a month's top resources sum both. */
    @Test
    void aMonthsResourceTotalsSumEverySourceSyncedAtOnce() throws Exception {
        String tenant = newTenant();
        List<Line> all = new ArrayList<>();
        List<String[]> started = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            Path dir = tempDir("rollup-two-sources-");
            List<Line> lines = lines(s * 2);
            write(dir, lines);
            all.addAll(lines);
            String source = addSource(tenant, s == 1 ? "aws" : "azure", "file://" + dir + "/");
            var response = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source + "/sync", Map.of());
            assertThat(response.status()).isEqualTo(202);
            started.add(new String[] {source, response.text("id")});
        }
        for (String[] run : started) {
            assertThat(awaitRun(tenant, run[0], run[1]).path("status").asString()).isEqualTo("ok");
        }
        String month = "from=" + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1);
        assertSums(answer(tenant, month + "&group_by=resource&limit=3"), topAndOther(byResource(all, M.atDay(1), null), 3));
    }

    private static Map<String, BigDecimal> topAndOther(Map<String, BigDecimal> sums, int limit) {
        List<Map.Entry<String, BigDecimal>> ranked = sums.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).toList();
        assertThat(ranked).hasSizeGreaterThan(limit);
        Map<String, BigDecimal> out = new HashMap<>();
        ranked.stream().limit(limit).forEach(e -> out.put(e.getKey(), e.getValue()));
        out.put("other", ranked.stream().skip(limit).map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add));
        return out;
    }
}
