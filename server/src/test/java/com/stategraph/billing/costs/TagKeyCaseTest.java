package com.stategraph.billing.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tag keys are trimmed on load; with STATEGRAPH_TAG_KEYS_CASE_INSENSITIVE, Team and team are one key. */
class TagKeyCaseTest extends SyncServerTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource db;

    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    private Map<String, BigDecimal> byTeam(boolean fold, String tenant, String tagKey, String filter) {
        CostQueryParser parser = new CostQueryParser(Clock.systemUTC());
        ActualsService service = new ActualsService(new ActualsRepository(db, tx, new com.stategraph.billing.load.BillingLoadRepository(jdbc), fold, java.time.Duration.ofSeconds(30), new ExpensiveQuestions(2)));
        CostQuery q = parser.parse(UUID.fromString(tenant), new CostQueryParser.Params(M.atDay(1).toString(),
                M.plusMonths(1).atDay(1).toString(), "billed", filter == null ? "tag" : "service", filter == null ? tagKey : null,
                null, null, null, null, null, null, filter == null ? null : List.of(filter), null, null, null, null));
        Map<String, BigDecimal> out = new HashMap<>();
        service.actuals(q).results().forEach(g -> out.put(g.key(), new BigDecimal(g.cost())));
        return out;
    }

    @Test
    void trimmedAlwaysCaseFoldedOnRequest() throws Exception {
        Path dir = tempDir("tag-case-");
        String ps = M.atDay(1) + "T00:00:00Z";
        ExportFixtures.csv(dir.resolve("a.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ServiceName", "Tags"),
                List.of(List.of("1", "USD", ps, ps, "Compute", "{\"Team\":\"web\"}"),
                        List.of("2", "USD", ps, ps, "Compute", "{\" team \":\"web\"}"),
                        List.of("4", "USD", ps, ps, "Compute", "{\"team\":\"data\"}"),
                        List.of("8", "USD", ps, ps, "Compute", "{}")));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        assertThat(byTeam(false, tenant, "team", null)).isEqualTo(Map.of("web", new BigDecimal("2"),
                "data", new BigDecimal("4"), "untagged", new BigDecimal("9")));
        assertThat(byTeam(true, tenant, "TEAM", null)).isEqualTo(Map.of("web", new BigDecimal("3"),
                "data", new BigDecimal("4"), "untagged", new BigDecimal("8")));
        assertThat(byTeam(true, tenant, null, "TEAM:web")).isEqualTo(Map.of("Compute", new BigDecimal("3")));
        assertThat(new ActualsRepository(db, tx, new com.stategraph.billing.load.BillingLoadRepository(jdbc), true, java.time.Duration.ofSeconds(30), new ExpensiveQuestions(2)).tagKeys(UUID.fromString(tenant), M.atDay(1), M.plusMonths(1).atDay(1)))
                .containsExactly("team");
    }
}
