package com.stategraph.billing.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A resource grouping asked without a limit answers the top 1,000 resources and sums the rest as "other". */
class ResourceDefaultLimitTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC);

    @Test
    void theTopThousandResourcesAndOtherWhenNoLimitIsAsked() throws Exception {
        int resources = CostQueryParser.MAX_LIMIT + 5;
        Path dir = tempDir("resource-limit-");
        List<List<String>> rows = new ArrayList<>();
        BigDecimal rest = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < resources; i++) {
            // Resource i costs i + 1 cents: the five cheapest fall below the top thousand.
            BigDecimal cost = new BigDecimal(i + 1).movePointLeft(2);
            total = total.add(cost);
            if (i < resources - CostQueryParser.MAX_LIMIT) {
                rest = rest.add(cost);
            }
            rows.add(List.of(cost.toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1) + "T00:00:00Z", "r-" + i));
        }
        ExportFixtures.csv(dir.resolve("a.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        JsonNode answer = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&group_by=resource&from="
                + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1)).body();

        JsonNode results = answer.path("results");
        assertThat(results.size()).isEqualTo(CostQueryParser.MAX_LIMIT + 1);
        assertThat(results.get(0).path("key").asString()).isEqualTo("r-" + (resources - 1));
        JsonNode other = results.get(results.size() - 1);
        assertThat(other.path("key").asString()).isEqualTo("other");
        assertThat(new BigDecimal(other.path("cost").asString())).isEqualByComparingTo(rest);
        assertThat(new BigDecimal(answer.path("totals").get(0).path("cost").asString())).isEqualByComparingTo(total);
    }
}
