package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A re-sync rewrites only the rollup rows whose sums changed: the others keep their physical row
 * (same ctid, same xmin), so an unchanged export leaves no dead rows; so do the month's largest
 * resources kept for the resource view. The sync tests flush rollup sums every 40 keys; each key still
 * ends up as one row.
 */
class RollupsWrittenOnlyWhenChangedTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    /** Fewer rows a rollup than the tests' 30 that make a period a set of its own: changed row by row in the shared partition. */
    private static final int RESOURCES = 20;
    private static final int DAYS = 2;
    /** Every rollup a sync writes, with the condition that picks a source's (or its tenant's) rows. */
    private static final Map<String, String> TABLES = Map.of(
            "cost_daily", "source_id = ?::uuid", "cost_monthly", "source_id = ?::uuid",
            "cost_daily_tags", "source_id = ?::uuid", "cost_daily_tag_sets", "source_id = ?::uuid",
            "cost_monthly_resources", "source_id = ?::uuid",
            "cost_daily_dimensions", "source_id = ?::uuid", "cost_monthly_dimensions", "source_id = ?::uuid",
            "cost_month_top_resources", "tenant_id = (SELECT b.tenant_id FROM billing_sources b WHERE b.id = ?::uuid)");

    /** Each resource costs its number in cents per day, tagged by its team; {@code changed} costs 9.99 on the last day. */
    private static Map<LocalDate, BigDecimal> export(Path dir, int changed) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        Map<LocalDate, BigDecimal> perDay = new TreeMap<>();
        for (int d = 1; d <= DAYS; d++) {
            LocalDate day = M.atDay(d);
            for (int r = 0; r < RESOURCES; r++) {
                BigDecimal cost = r == changed && d == DAYS ? new BigDecimal("9.99") : BigDecimal.valueOf(r + 1, 2);
                perDay.merge(day, cost, BigDecimal::add);
                rows.add(List.of(cost.toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", day + "T00:00:00Z", "r-" + r,
                        "svc-" + r % 3, "{\"team\":\"t" + r % 4 + "\"}"));
            }
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false, List.of("BilledCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ResourceId", "ServiceName", "Tags"), rows);
        return perDay;
    }

    /** Each rollup row of the source as table, ctid and xmin: where it is and which transaction wrote it. */
    private List<String> physicalRows(String source) {
        List<String> out = new ArrayList<>();
        TABLES.forEach((table, scope) -> {
            // a view of blocks (V50): where its rows are is where the blocks are
            String stored = table.equals("cost_monthly_resources") ? ResourceBlocks.TABLE : table;
            out.addAll(jdbc.sql("SELECT '" + stored + " ' || ctid::text || ' ' || xmin::text FROM " + stored + " WHERE " + scope)
                    .param(source).query(String.class).list());
        });
        return out;
    }

    private void assertOneRowPerKey(String source) {
        TABLES.forEach((table, scope) -> {
            List<String> keys = jdbc.sql("SELECT string_agg(attname, ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = ?::regclass"
                    + " AND attnum > 0 AND NOT attisdropped AND attname NOT IN ('billed_cost', 'effective_cost', 'list_cost',"
                    + " 'contracted_cost', 'row_count')").param(table).query(String.class).list();
            long rows = jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + scope).param(source).query(Long.class).single();
            long distinct = jdbc.sql("SELECT count(DISTINCT ROW(" + keys.get(0) + ")::text) FROM " + table + " WHERE " + scope)
                    .param(source).query(Long.class).single();
            assertThat(rows).as(table).isPositive().isEqualTo(distinct);
        });
    }

    private Map<LocalDate, BigDecimal> dailyRollup(String source) {
        Map<LocalDate, BigDecimal> out = new TreeMap<>();
        jdbc.sql("SELECT day, sum(billed_cost) FROM cost_daily WHERE source_id = ?::uuid GROUP BY day").param(source)
                .query((rs, i) -> out.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2))).list();
        return out;
    }

    private static void assertSameSums(Map<LocalDate, BigDecimal> actual, Map<LocalDate, BigDecimal> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((day, sum) -> assertThat(actual.get(day)).as(day.toString()).isEqualByComparingTo(sum));
    }

    @Test
    void anUnchangedReSyncWritesNoRollupRowAndAChangeRewritesOnlyItsRows() throws Exception {
        Path dir = tempDir("rollup-diff-");
        Map<LocalDate, BigDecimal> expected = export(dir, -1);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertOneRowPerKey(source);
        assertSameSums(dailyRollup(source), expected);
        assertThat(jdbc.sql("SELECT count(*) FROM rollup_sets WHERE source_id = ?::uuid").param(source).query(Long.class).single())
                .as("the periods are in the shared partitions").isZero();
        List<String> first = physicalRows(source);
        assertThat(first).hasSizeGreaterThan(RESOURCES).anyMatch(row -> row.startsWith(ResourceBlocks.TABLE + " "));

        // Forced: unchanged files are not even read otherwise, and this is about what a reload of them writes.
        assertThat(syncAndWait(tenant, source, Map.of("force", true)).path("status").asString()).isEqualTo("ok");
        assertThat(physicalRows(source)).as("an unchanged export's rollups stay where they were")
                .containsExactlyInAnyOrderElementsOf(first);

        Map<LocalDate, BigDecimal> changed = export(dir, 7);
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertOneRowPerKey(source);
        assertSameSums(dailyRollup(source), changed);
        List<String> after = physicalRows(source);
        List<String> kept = after.stream().filter(first::contains).toList();
        assertThat(kept).as("rows of the unchanged days and resources are kept").hasSizeGreaterThan(first.size() / 2);
        assertThat(after).as("the changed day's rows are rewritten").hasSizeGreaterThan(kept.size());
        String lastDay = jdbc.sql("SELECT ctid::text || ' ' || xmin::text FROM cost_daily WHERE source_id = ?::uuid AND day = ?::date"
                + " AND service_name = 'svc-1'").params(source, M.atDay(DAYS).toString()).query(String.class).single();
        assertThat(first).doesNotContain("cost_daily " + lastDay);
    }

    @Test
    void aKeyStoredTwiceByAnEarlierVersionIsMadeOneRow() throws Exception {
        Path dir = tempDir("rollup-diff-twice-");
        Map<LocalDate, BigDecimal> expected = export(dir, -1);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        // As a flush of partial sums left rollups before: one key's sums in two rows, here two equal halves.
        LocalDate day = M.atDay(1);
        jdbc.sql("UPDATE cost_daily SET billed_cost = billed_cost / 2, effective_cost = effective_cost / 2, list_cost = list_cost / 2,"
                + " contracted_cost = contracted_cost / 2 WHERE source_id = ?::uuid AND day = ?::date AND service_name = 'svc-0'")
                .params(source, day.toString()).update();
        jdbc.sql("INSERT INTO cost_daily SELECT * FROM cost_daily WHERE source_id = ?::uuid AND day = ?::date AND service_name = 'svc-0'")
                .params(source, day.toString()).update();
        assertSameSums(dailyRollup(source), expected);

        // Forced, as after an upgrade of the loader: the file itself is unchanged.
        assertThat(syncAndWait(tenant, source, Map.of("force", true)).path("status").asString()).isEqualTo("ok");
        assertOneRowPerKey(source);
        assertSameSums(dailyRollup(source), expected);
    }
}
