package com.stategraph.billing.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An export without the metric asked for (no EffectiveCost column) costs 0 in that metric, the
 * same whether the answer comes from the rollups or from the billing rows, never a 500.
 */
class MissingMetricTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);

    @Test
    void aMetricTheExportLacksIsZeroOnEveryPath() throws Exception {
        Path dir = tempDir("missing-metric-");
        ExportFixtures.csv(dir.resolve("a.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId", "Tags"),
                List.of(List.of("2.50", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z", "r-1", "{\"team\":\"a\"}"),
                        List.of("1.25", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(2) + "T00:00:00Z", "r-2", "{\"team\":\"a\"}")));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        String base = "/api/v1/tenants/" + tenant + "/costs/actuals?from=" + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1);

        for (String question : List.of("&group_by=service", "&group_by=resource", "&group_by=service&tag=team:a")) {
            var effective = api.get(ADMIN_KEY, base + question);
            assertThat(effective.status()).as(question + ": " + effective.raw()).isEqualTo(200);
            JsonNode results = effective.body().path("results");
            assertThat(results.isEmpty()).as(question).isFalse();
            for (JsonNode g : results) {
                assertThat(new BigDecimal(g.path("cost").asString())).as(question).isEqualByComparingTo("0");
            }
            var billed = api.get(ADMIN_KEY, base + question + "&metric=billed");
            assertThat(new BigDecimal(billed.body().path("totals").get(0).path("cost").asString())).as(question)
                    .isEqualByComparingTo(new BigDecimal("2.50").add(new BigDecimal("1.25")));
        }
    }
}
