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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One tag filter is answered from the single-tag rollup (the key's rows) when its value is text, and
 * from the tag sets when it reads like a JSON number: both give what a filter on each line's
 * {@code tags ->> key} gives, a number as the loader keeps it (12.50 as 12.5), a string as written.
 */
class OneTagFilterTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ServiceName", "Tags");

    /** A line, its tags as the export writes them, and each tag's value as text ({@code tags ->> key}). */
    private record Line(String service, String cost, String tags, Map<String, String> text) {
    }

    private static final List<Line> LINES = List.of(
            new Line("Compute", "10.25", "{\"team\":\"web\",\"cc\":\"12.50\"}", Map.of("team", "web", "cc", "12.50")),
            new Line("Storage", "4.5", "{\"team\":\"web\",\"cc\":12.50}", Map.of("team", "web", "cc", "12.5")),
            new Line("Compute", "3", "{\"team\":\"data\",\"cc\":12.5}", Map.of("team", "data", "cc", "12.5")),
            new Line("Storage", "2.75", "{\"team\":\"data\",\"flag\":true}", Map.of("team", "data", "flag", "true")),
            new Line("Compute", "1.5", "{\"team\":null}", Map.of()),
            new Line("Compute", "0.5", "", Map.of()),
            new Line("Network", "6", "{\"team\":\"web\",\"Team\":\"ops\"}", Map.of("team", "web", "Team", "ops")));

    @Test
    void oneTagFilterSumsTheLinesWhoseTagReadsAsTheValue() throws Exception {
        Path dir = tempDir("one-tag-");
        List<List<String>> csv = new ArrayList<>();
        int day = 1;
        for (Line l : LINES) {
            csv.add(List.of(l.cost(), "USD", M.atDay(1) + "T00:00:00Z", M.atDay(day++) + "T00:00:00Z", l.service(), l.tags()));
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false, HEADER, csv);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        List<String[]> filters = List.of(new String[] {"team", "web"}, new String[] {"team", "data"}, new String[] {"Team", "ops"},
                new String[] {"flag", "true"}, new String[] {"cc", "12.50"}, new String[] {"cc", "12.5"}, new String[] {"team", "none"});
        Map<String, Map<String, BigDecimal>> before = new HashMap<>();
        for (String[] f : filters) {
            Map<String, BigDecimal> answer = byService(tenant, f[0] + ":" + f[1]);
            assertThat(answer).as(f[0] + ":" + f[1]).isEqualTo(expected(f[0], f[1]));
            before.put(f[0] + ":" + f[1], answer);
        }
        assertThat(before.get("team:web")).as("three lines of three services").hasSize(3);
        assertThat(before.get("cc:12.50")).as("the string 12.50 only").hasSize(1);
        assertThat(before.get("cc:12.5")).as("both numbers: the loader keeps 12.50 as 12.5").hasSize(2);

        // Without the tag sets, a text value is still answered (from the key's rows), a number is not.
        jdbc.sql("DELETE FROM cost_daily_tag_sets WHERE tenant_id = ?::uuid").param(tenant).update();
        for (String text : List.of("team:web", "team:data", "Team:ops", "flag:true")) {
            assertThat(byService(tenant, text)).as(text).isEqualTo(before.get(text));
        }
        assertThat(byService(tenant, "cc:12.50")).isEmpty();
    }

    private static Map<String, BigDecimal> expected(String key, String value) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Line l : LINES) {
            if (value.equals(l.text().get(key))) {
                out.merge(l.service(), new BigDecimal(l.cost()), BigDecimal::add);
            }
        }
        return normalized(out);
    }

    private Map<String, BigDecimal> byService(String tenant, String tag) {
        var response = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&from=" + M.atDay(1) + "&to="
                + M.plusMonths(1).atDay(1) + "&group_by=service&tag=" + tag);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode g : response.body().path("results")) {
            out.put(g.path("key").asString(), new BigDecimal(g.path("cost").asString()));
        }
        return normalized(out);
    }

    private static Map<String, BigDecimal> normalized(Map<String, BigDecimal> sums) {
        Map<String, BigDecimal> out = new HashMap<>();
        sums.forEach((k, v) -> out.put(k, v.stripTrailingZeros()));
        return out;
    }
}
