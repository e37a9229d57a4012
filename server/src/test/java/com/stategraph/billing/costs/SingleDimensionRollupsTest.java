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
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Questions grouped by one dimension without filters answer from the sums per single dimension
 * ({@code cost_daily_dimensions}, {@code cost_monthly_dimensions}); with a filter, from the sums
 * per combination ({@code cost_daily}, {@code cost_monthly}). Both give the file's sums, for whole
 * months, a range that cuts them, and by day; taking the combinations away shows which is read.
 */
class SingleDimensionRollupsTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(2);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ProviderName", "ServiceName", "ServiceCategory", "SubAccountId", "RegionId", "ChargeCategory");

    private record Line(LocalDate day, String provider, String service, String category, String account, String region,
                        String currency, BigDecimal cost) {
    }

    /** Two months of lines; some leave the account or region empty, one currency in five is EUR. */
    private static List<Line> lines() {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            YearMonth month = i % 2 == 0 ? M : M.plusMonths(1);
            out.add(new Line(month.atDay(1 + i % 28), i % 3 == 0 ? "Acme Cloud" : "AWS", "svc-" + i % 4, "cat-" + i % 2,
                    i % 7 == 0 ? null : "acct-" + i % 5, i % 11 == 0 ? null : "region-" + i % 3, i % 5 == 0 ? "EUR" : "USD",
                    BigDecimal.valueOf(i * 37L + 5, 3)));
        }
        return out;
    }

    private static void write(Path dir, List<Line> lines) throws Exception {
        for (YearMonth month : List.of(M, M.plusMonths(1))) {
            List<List<String>> csv = new ArrayList<>();
            for (Line l : lines) {
                if (YearMonth.from(l.day()).equals(month)) {
                    csv.add(List.of(l.cost().toPlainString(), l.currency(), month.atDay(1) + "T00:00:00Z", l.day() + "T00:00:00Z",
                            l.provider(), l.service(), l.category(), l.account() == null ? "" : l.account(),
                            l.region() == null ? "" : l.region(), "Usage"));
                }
            }
            ExportFixtures.csv(dir.resolve(month + ".csv"), false, false, HEADER, csv);
        }
    }

    /** Currency, then key (and day when {@code byDay}), summed from the lines in [from, to) that {@code keep} keeps. */
    private static Map<String, BigDecimal> expected(List<Line> lines, LocalDate from, LocalDate to, Function<Line, String> key,
                                                    Predicate<Line> keep, boolean byDay) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Line l : lines) {
            if (!l.day().isBefore(from) && l.day().isBefore(to) && keep.test(l)) {
                String k = key.apply(l);
                out.merge(l.currency() + " " + (k == null ? "(none)" : k) + (byDay ? " " + l.day() : ""), l.cost(), BigDecimal::add);
            }
        }
        return out;
    }

    private Map<String, BigDecimal> answer(String tenant, String query, boolean byDay) {
        var response = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode g : response.body().path("results")) {
            String prefix = g.path("currency").asString() + " " + g.path("key").asString();
            if (!byDay) {
                out.put(prefix, new BigDecimal(g.path("cost").asString()));
                continue;
            }
            for (JsonNode p : g.path("series")) {
                BigDecimal cost = new BigDecimal(p.path("cost").asString());
                if (cost.signum() != 0) {
                    out.put(prefix + " " + p.path("period").asString(), cost);
                }
            }
        }
        return out;
    }

    /** The sums per single dimension of {@code table}'s rows, as PostgreSQL sums them (each row once per dimension and as 'total'). */
    private List<String> singleDimensionSumsOf(String table, String period, String tenant) {
        String dimensions = String.join(", ", List.of("('total', NULL)", "('provider', r.provider)", "('host_provider', r.host_provider)",
                "('publisher', r.publisher)", "('invoice_issuer', r.invoice_issuer)", "('service_name', r.service_name)",
                "('service_category', r.service_category)", "('billing_account_id', r.billing_account_id)",
                "('sub_account_id', r.sub_account_id)", "('region_id', r.region_id)", "('charge_category', r.charge_category)"));
        return jdbc.sql("SELECT concat_ws(' ', r." + period + ", x.dimension, x.value, r.billing_currency, sum(r.billed_cost),"
                + " sum(r.effective_cost), sum(r.list_cost), sum(r.contracted_cost), sum(r.row_count)) FROM " + table + " r"
                + " CROSS JOIN LATERAL (VALUES " + dimensions + ") AS x (dimension, value) WHERE r.tenant_id = ?::uuid"
                + " GROUP BY r.source_id, r." + period + ", x.dimension, x.value, r.billing_currency ORDER BY 1")
                .param(tenant).query(String.class).list();
    }

    @Test
    void everyDimensionWholeMonthsCutRangesAndDaysMatchTheFile() throws Exception {
        Path dir = tempDir("single-dimension-");
        List<Line> lines = lines();
        write(dir, lines);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        Map<String, Function<Line, String>> dimensions = new HashMap<>();
        dimensions.put("provider", Line::provider);
        dimensions.put("service", Line::service);
        dimensions.put("service_category", Line::category);
        dimensions.put("sub_account", Line::account);
        dimensions.put("region", Line::region);
        dimensions.put("charge_category", l -> "Usage");
        dimensions.put("source", l -> source);
        LocalDate start = M.atDay(1);
        LocalDate end = M.plusMonths(2).atDay(1);
        LocalDate cutFrom = M.atDay(10);
        LocalDate cutTo = M.plusMonths(1).atDay(20);
        Predicate<Line> all = l -> true;
        for (var d : dimensions.entrySet()) {
            String g = "&group_by=" + d.getKey();
            RollupPathsTest.assertSums(answer(tenant, "from=" + start + "&to=" + end + g, false), expected(lines, start, end, d.getValue(), all, false));
            RollupPathsTest.assertSums(answer(tenant, "from=" + cutFrom + "&to=" + cutTo + g, false),
                    expected(lines, cutFrom, cutTo, d.getValue(), all, false));
            RollupPathsTest.assertSums(answer(tenant, "from=" + cutFrom + "&to=" + cutTo + g + "&granularity=day", true),
                    expected(lines, cutFrom, cutTo, d.getValue(), all, true));
        }
        RollupPathsTest.assertSums(answer(tenant, "from=" + cutFrom + "&to=" + cutTo, false),
                expected(lines, cutFrom, cutTo, l -> "total", all, false));
        String filtered = "from=" + cutFrom + "&to=" + cutTo + "&group_by=service&sub_account=acct-1";
        Map<String, BigDecimal> filteredSums = expected(lines, cutFrom, cutTo, Line::service, l -> "acct-1".equals(l.account()), false);
        RollupPathsTest.assertSums(answer(tenant, filtered, false), filteredSums);

        // Every sum and count per single dimension is that of the combinations, across the flushes of a small key budget.
        for (String[] t : new String[][] {{"cost_daily_dimensions", "cost_daily", "day"}, {"cost_monthly_dimensions", "cost_monthly", "month"}}) {
            List<String> stored = jdbc.sql("SELECT concat_ws(' ', " + t[2] + ", dimension, value, billing_currency, billed_cost,"
                    + " effective_cost, list_cost, contracted_cost, row_count) FROM " + t[0] + " WHERE tenant_id = ?::uuid ORDER BY 1")
                    .param(tenant).query(String.class).list();
            assertThat(stored).as(t[0]).isNotEmpty().isEqualTo(singleDimensionSumsOf(t[1], t[2], tenant));
        }

        // Without the sums per combination, the unfiltered questions still answer; a filtered one has nothing to read.
        for (String table : List.of("cost_daily", "cost_monthly")) {
            assertThat(jdbc.sql("DELETE FROM " + table + " WHERE tenant_id = ?::uuid").param(tenant).update()).as(table).isPositive();
        }
        RollupPathsTest.assertSums(answer(tenant, "from=" + cutFrom + "&to=" + cutTo + "&group_by=sub_account", false),
                expected(lines, cutFrom, cutTo, Line::account, all, false));
        assertThat(answer(tenant, filtered, false)).isEmpty();

        assertThat(api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source).status()).isEqualTo(204);
        for (String table : List.of("cost_daily_dimensions", "cost_monthly_dimensions")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = ?::uuid").param(tenant).query(Long.class)
                    .single()).as(table).isZero();
        }
    }
}
