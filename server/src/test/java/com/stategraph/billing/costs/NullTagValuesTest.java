package com.stategraph.billing.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A tag given with a JSON null value and a tag not given at all: a grouping tells them apart
 * ("(none)" and "untagged") on every path a question can take; a tag filter and tag coverage treat
 * both as no allocation.
 */
class NullTagValuesTest extends SyncServerTest {
    /** Each line's cost, and its tags as the export gives them. */
    private record Line(String cost, String tags) {
    }

    private static final List<Line> LINES = List.of(
            new Line("10.50", "{\"team\": \"payments\", \"env\": \"prod\"}"),
            new Line("4.25", "{\"team\": null, \"env\": \"prod\"}"),
            new Line("1.75", "{\"env\": \"prod\"}"),
            new Line("2.00", "{\"team\": \"payments\", \"env\": \"dev\"}"));

    /** The grouping a line falls in, from its tags text as written above. */
    private static String teamGroup(Line l) {
        if (l.tags().contains("\"team\": null")) {
            return "(none)";
        }
        return l.tags().contains("\"team\"") ? "payments" : "untagged";
    }

    private static Map<String, BigDecimal> expected(String env) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Line l : LINES) {
            if (env == null || l.tags().contains("\"env\": \"" + env + "\"")) {
                sums.merge(teamGroup(l), new BigDecimal(l.cost()), BigDecimal::add);
            }
        }
        sums.replaceAll((k, v) -> v.stripTrailingZeros());
        return sums;
    }

    private Map<String, BigDecimal> groups(String tenant, String query) {
        HttpApi.Response answer = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?" + query);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        Map<String, BigDecimal> groups = new HashMap<>();
        JsonNode results = answer.body().path("results");
        assertThat(results).as(answer.raw()).isNotEmpty();
        results.forEach(g -> groups.put(g.path("key").asString(), new BigDecimal(g.path("cost").asString()).stripTrailingZeros()));
        return groups;
    }

    @Test
    void aNullValueGroupsAsNoneAMissingTagAsUntaggedAndNeitherIsAnAllocation() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        Path dir = tempDir("null-tags-");
        List<List<String>> rows = new ArrayList<>();
        for (Line l : LINES) {
            rows.add(List.of(l.cost(), l.cost(), "USD", day + "T00:00:00Z", day + "T00:00:00Z", "acct-1", "eu-west-1", l.tags()));
        }
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "SubAccountId", "RegionId", "Tags"), rows);
        String tenant = newTenant();
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");
        String range = "from=" + day + "&to=" + day.plusDays(1) + "&group_by=tag&tag_key=team";

        // The per-tag rollup, the per-tag-set rollup (a tag filter) and the billing rows (narrowed by region) agree.
        assertThat(groups(tenant, range)).isEqualTo(expected(null)).containsKeys("(none)", "untagged");
        assertThat(groups(tenant, range + "&tag=env:prod")).isEqualTo(expected("prod"));
        assertThat(groups(tenant, range + "&region=eu-west-1")).isEqualTo(expected(null));

        // A filter on the tag matches only lines with that value.
        Map<String, BigDecimal> filtered = groups(tenant, "from=" + day + "&to=" + day.plusDays(1) + "&tag=team:payments");
        assertThat(filtered.values()).containsExactly(expected(null).get("payments"));

        // Coverage: only lines with a value are tagged.
        HttpApi.Response coverage = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/tag-coverage?from=" + day + "&to="
                + day.plusDays(1));
        assertThat(coverage.status()).as(coverage.raw()).isEqualTo(200);
        JsonNode team = null;
        for (JsonNode k : coverage.body().path("results")) {
            if (k.path("tag_key").asString().equals("team")) {
                team = k;
            }
        }
        assertThat(team).as(coverage.raw()).isNotNull();
        BigDecimal total = LINES.stream().map(l -> new BigDecimal(l.cost())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(team.path("tagged_cost").asString())).isEqualByComparingTo(expected(null).get("payments"));
        assertThat(new BigDecimal(team.path("total_cost").asString())).isEqualByComparingTo(total);
    }
}
