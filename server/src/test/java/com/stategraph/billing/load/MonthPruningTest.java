package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each load records its first and last charge; a question about a range reads the tables of the
 * loads whose charges reach into it and no others, including a billing period's charges that fall
 * in the next month.
 */
class MonthPruningTest extends SyncServerTest {
    private static final YearMonth M1 = YearMonth.now(ZoneOffset.UTC).minusMonths(2);
    private static final YearMonth M2 = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The plan of a question's read of billing rows, chosen as the cost views choose what to read. */
    private String plan(String tenant, LocalDate from, LocalDate to) {
        UUID t = UUID.fromString(tenant);
        List<UUID> loads = new BillingLoadRepository(jdbc).currentChargedIn(t, start(from).toInstant(), start(to).toInstant());
        assertThat(loads).isNotEmpty();
        String sql = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT sum(billed_cost) FROM billing_rows WHERE "
                + BillingLoadRepository.onlyLoads("load_id", loads) + " AND tenant_id = ? AND charge_period_start >= ?"
                + " AND charge_period_start < ?";
        return String.join("\n", jdbc.sql(sql).params(t, start(from), start(to)).query(String.class).list());
    }

    @Test
    void aQuestionReadsOnlyTheLoadsWhoseChargesReachIntoItsRange() throws Exception {
        Path dir = tempDir("month-pruning-");
        List<List<String>> rows = new ArrayList<>();
        BigDecimal inM2 = BigDecimal.ZERO;
        for (YearMonth m : List.of(M1, M2)) {
            for (int d = 1; d <= 20; d++) {
                BigDecimal cost = BigDecimal.valueOf(d, 1);
                // The last row of M1's billing period is a charge of M2's first day (a late usage record).
                LocalDate day = m.equals(M1) && d == 20 ? M2.atDay(1) : m.atDay(d);
                if (YearMonth.from(day).equals(M2)) {
                    inM2 = inM2.add(cost);
                }
                rows.add(List.of(cost.toPlainString(), "USD", m.atDay(1) + "T00:00:00Z", day + "T00:00:00Z", "res-" + d));
            }
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        String tenant = newTenant();
        String source = addSource(tenant, Map.of("provider", "aws", "source_uri", "file://" + dir + "/", "window_months", 3));
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        var loads = jdbc.sql("SELECT id, billing_period, first_charge, last_charge FROM billing_loads WHERE source_id = ?::uuid"
                        + " AND state = 'current' ORDER BY billing_period")
                .param(source)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)})
                .list();
        assertThat(loads).hasSize(2);
        assertThat(((OffsetDateTime) loads.get(0)[1]).toInstant()).isEqualTo(start(M1.atDay(1)).toInstant());
        assertThat(((OffsetDateTime) loads.get(0)[2]).toInstant()).isEqualTo(start(M2.atDay(1)).toInstant());
        assertThat(((OffsetDateTime) loads.get(1)[1]).toInstant()).isEqualTo(start(M2.atDay(1)).toInstant());
        String m1Table = BillingPartitions.LOADS.tableOf((UUID) loads.get(0)[0]);
        String m2Table = BillingPartitions.LOADS.tableOf((UUID) loads.get(1)[0]);

        String firstHalfOfM1 = plan(tenant, M1.atDay(1), M1.atDay(15));
        assertThat(firstHalfOfM1).contains(m1Table).doesNotContain(m2Table);
        String secondHalfOfM2 = plan(tenant, M2.atDay(10), M2.plusMonths(1).atDay(1));
        assertThat(secondHalfOfM2).contains(m2Table).doesNotContain(m1Table);
        String m2 = plan(tenant, M2.atDay(1), M2.plusMonths(1).atDay(1));
        assertThat(m2).as("M1's load has a charge in M2").contains(m1Table).contains(m2Table);

        // The rows path (a resource grouping by day) finds the late charge under M2.
        JsonNode answer = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&group_by=resource"
                + "&granularity=day&from=" + M2.atDay(1) + "&to=" + M2.plusMonths(1).atDay(1)).body();
        assertThat(new BigDecimal(answer.path("totals").get(0).path("cost").asString())).isEqualByComparingTo(inM2);
    }
}
