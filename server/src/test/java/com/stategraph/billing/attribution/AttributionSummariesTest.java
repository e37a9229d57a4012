package com.stategraph.billing.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A whole month's attribution split and unmanaged list read from what the attribution computation
 * summed (V40): the same answers as summing the rollups, a list longer than the month's kept
 * resources paged past them, and a sync committed after the computation seen at once (its lines
 * uncomputed) instead of the summaries it made stale.
 */
class AttributionSummariesTest extends SyncServerTest {
    private static final List<String> HEADER = List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart",
            "ChargePeriodStart", "ServiceName", "ResourceId", "ResourceType");
    private static final int MANAGED = 5;
    /** More than a month keeps, so the list's last pages are read from the rollup. */
    private static final int UNMANAGED = AttributionSummaries.UNMANAGED_KEPT + 203;

    @Autowired
    private DataSource dataSource;

    private record Line(String resourceId, BigDecimal billed, BigDecimal effective) {
    }

    @Test
    void aMonthsSplitAndUnmanagedListComeFromTheComputationUntilASyncChangesTheRollups() throws Exception {
        String tenant = newTenant();
        TerraformStates state = TerraformStates.state(1, "summaries");
        for (int i = 0; i < MANAGED; i++) {
            state.managed("aws_instance", "m" + i, "aws", Map.of("id", "i-managed-" + i));
        }
        assertThat(api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/envs/prod", state.json()).status())
                .isEqualTo(201);

        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        String range = "from=" + month + "&to=" + month.plusMonths(1);
        List<Line> managed = new ArrayList<>();
        List<Line> unmanaged = new ArrayList<>();
        for (int i = 0; i < MANAGED; i++) {
            managed.add(new Line("i-managed-" + i, new BigDecimal(100 + i + ".25"), new BigDecimal(90 + i + ".5")));
        }
        for (int i = 0; i < UNMANAGED; i++) {
            // Costs repeat every 400 resources: ties the list orders by ResourceId.
            unmanaged.add(new Line(String.format("u-%04d", i), new BigDecimal(i % 400 + ".125"), new BigDecimal(i % 400 + ".0625")));
        }
        List<Line> unallocated = List.of(new Line("", new BigDecimal("7.5"), new BigDecimal("7.5")),
                new Line("", new BigDecimal("-2.25"), new BigDecimal("-2.25")));
        Path dir = tempDir("attribution-summaries-");
        write(dir.resolve("focus.csv"), month, managed, unmanaged, unallocated);
        // The month before, in a file of its own: a sync that changes only the later month keeps its load.
        LocalDate earlier = month.minusMonths(1);
        String earlierRange = "from=" + earlier + "&to=" + month;
        List<Line> earlierUnmanaged = List.of(new Line("e-1", new BigDecimal("3.5"), new BigDecimal("3.25")),
                new Line("e-2", new BigDecimal("1.5"), new BigDecimal("1.25")));
        write(dir.resolve("focus-earlier.csv"), earlier, managed.subList(0, 1), earlierUnmanaged, List.of());
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        String computedAt = awaitAttribution(tenant, null).path("computed_at").asString();

        assertThat(jdbc.sql("SELECT count(*) FROM attribution_month_sums WHERE tenant_id = ?::uuid").param(tenant).query(Long.class)
                .single()).as("the computation summed the month").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM attribution_month_unmanaged WHERE tenant_id = ?::uuid AND month = ?")
                .params(tenant, java.sql.Date.valueOf(month)).query(Long.class).single()).isEqualTo(AttributionSummaries.UNMANAGED_KEPT);
        JsonNode split = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?" + range).body();
        assertSplit(split, managed, unmanaged, unallocated, 0);
        JsonNode billed = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?metric=billed&" + range).body();
        assertThat(new BigDecimal(billed.path("unmanaged_cost").asString())).isEqualByComparingTo(sum(unmanaged, true));
        assertThat(new BigDecimal(billed.path("attributed_cost").asString())).isEqualByComparingTo(sum(managed, true));
        List<String> paged = pages(tenant, range, 300);
        assertThat(paged).containsExactlyElementsOf(expectedList(unmanaged));
        // The first page as the computation ranked it.
        assertThat(paged.subList(0, 300)).containsExactlyElementsOf(jdbc.sql("SELECT resource_id || ' ' || billed_cost"
                + " FROM attribution_month_unmanaged WHERE tenant_id = ?::uuid AND month = ? ORDER BY position LIMIT 300")
                .params(tenant, java.sql.Date.valueOf(month)).query(String.class).list().stream().map(s -> s.substring(0, s.indexOf(' ') + 1)
                        + plain(s.substring(s.indexOf(' ') + 1))).toList());

        assertSplit(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?" + earlierRange).body(), managed.subList(0, 1),
                earlierUnmanaged, List.of(), 0);

        // Summing the rollups instead (as before the first computation) gives the same answers.
        Map<java.sql.Date, String> digests = new java.util.HashMap<>();
        jdbc.sql("SELECT month, loads_digest FROM attribution_month_digests WHERE tenant_id = ?::uuid").param(tenant)
                .query(rs -> {
                    digests.put(rs.getDate(1), rs.getString(2));
                });
        assertThat(digests).as("one digest per month").hasSize(2);
        assertThat(digests.get(java.sql.Date.valueOf(month))).isNotEqualTo(digests.get(java.sql.Date.valueOf(earlier)));
        jdbc.sql("DELETE FROM attribution_month_digests WHERE tenant_id = ?::uuid").param(tenant).update();
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?" + range).body()).isEqualTo(split);
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?metric=billed&" + range).body())
                .isEqualTo(billed);
        assertThat(pages(tenant, range, 300)).isEqualTo(paged);
        digests.forEach((m, d) -> jdbc.sql("INSERT INTO attribution_month_digests (tenant_id, month, loads_digest) VALUES (?::uuid, ?, ?)")
                .params(tenant, m, d).update());

        // The next computation waits on this lock: a sync commits with the summaries stale.
        try (Connection holder = dataSource.getConnection()) {
            try (var lock = holder.prepareStatement("SELECT pg_advisory_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "attribution:" + tenant);
                lock.execute();
            }
            List<Line> changed = new ArrayList<>(unmanaged);
            changed.set(5, new Line(unmanaged.get(5).resourceId(), new BigDecimal("5000"), new BigDecimal("5000")));
            Line added = new Line("u-new", new BigDecimal("9000"), new BigDecimal("9000"));
            List<Line> withNew = new ArrayList<>(changed);
            withNew.add(added);
            write(dir.resolve("focus.csv"), month, managed, withNew, unallocated);
            assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

            // The new resource has no answer yet (uncomputed, not in the list); the changed cost counts already.
            JsonNode stale = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?" + range).body();
            assertSplit(stale, managed, changed, unallocated, 1);
            assertThat(pages(tenant, range, 1000)).containsExactlyElementsOf(expectedList(changed));
            // The month before kept its load: its summaries are still read (shown by changing them under the reader).
            String bump = "UPDATE attribution_month_sums SET effective_cost = effective_cost + ? WHERE tenant_id = ?::uuid AND month = ?"
                    + " AND status = 1";
            assertThat(jdbc.sql(bump).params(new BigDecimal("1000"), tenant, java.sql.Date.valueOf(earlier)).update()).isEqualTo(1);
            assertThat(new BigDecimal(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?" + earlierRange).body()
                    .path("unmanaged_cost").asString())).isEqualByComparingTo(sum(earlierUnmanaged, false).add(new BigDecimal("1000")));
            jdbc.sql(bump).params(new BigDecimal("-1000"), tenant, java.sql.Date.valueOf(earlier)).update();
            try (var unlock = holder.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
                unlock.setString(1, "attribution:" + tenant);
                unlock.execute();
            }

            awaitAttribution(tenant, computedAt);
            assertSplit(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?" + range).body(), managed, withNew,
                    unallocated, 0);
            List<String> recomputed = pages(tenant, range, 1000);
            assertThat(recomputed).containsExactlyElementsOf(expectedList(withNew));
            assertThat(recomputed.get(0)).isEqualTo("u-new 9000");

            // Costs change, owners do not: only the changed month's summaries are written again.
            Map<String, String> before = sumRows(tenant);
            String recomputedAt = awaitAttribution(tenant, computedAt).path("computed_at").asString();
            List<Line> cheaper = new ArrayList<>(withNew);
            cheaper.set(0, new Line(withNew.get(0).resourceId(), new BigDecimal("0.5"), new BigDecimal("0.25")));
            write(dir.resolve("focus.csv"), month, managed, cheaper, unallocated);
            assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
            awaitAttribution(tenant, recomputedAt);
            assertSplit(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?" + range).body(), managed, cheaper,
                    unallocated, 0);
            Map<String, String> after = sumRows(tenant);
            assertThat(before).isNotEmpty();
            before.forEach((row, version) -> assertThat(version.equals(after.get(row)))
                    .as(row + " kept only if its month is the earlier one").isEqualTo(row.startsWith(earlier.toString())));
        }
    }

    /** Each summary row of the tenant (month, provider, currency, status) and the transaction that wrote it. */
    private Map<String, String> sumRows(String tenant) {
        Map<String, String> rows = new java.util.HashMap<>();
        jdbc.sql("SELECT month || ' ' || provider || ' ' || billing_currency || ' ' || status, xmin::text FROM attribution_month_sums"
                + " WHERE tenant_id = ?::uuid").param(tenant).query(rs -> {
                    rows.put(rs.getString(1), rs.getString(2));
                });
        return rows;
    }

    private static void write(Path file, LocalDate month, List<Line> managed, List<Line> unmanaged, List<Line> unallocated)
            throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<Line> all = new ArrayList<>(managed);
        all.addAll(unmanaged);
        all.addAll(unallocated);
        int day = 0;
        for (Line l : all) {
            LocalDate charged = month.plusDays(day++ % month.lengthOfMonth());
            rows.add(List.of(l.billed().toPlainString(), l.effective().toPlainString(), "USD", month + "T00:00:00Z",
                    charged + "T00:00:00Z", "Compute", l.resourceId(), l.resourceId().isEmpty() ? "" : "Instance"));
        }
        ExportFixtures.csv(file, false, false, HEADER, rows);
    }

    /** Every unmanaged resource, "id billed", largest billed first, then by ResourceId. */
    private static List<String> expectedList(List<Line> unmanaged) {
        assertThat(unmanaged).isNotEmpty();
        return unmanaged.stream().sorted(Comparator.comparing(Line::billed).reversed().thenComparing(Line::resourceId))
                .map(l -> l.resourceId() + " " + plain(l.billed().toPlainString())).toList();
    }

    private List<String> pages(String tenant, String range, int limit) {
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/unmanaged?" + range + "&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor)).body();
            assertThat(page.path("results").size()).as(page.toString()).isLessThanOrEqualTo(limit);
            page.path("results").forEach(u -> listed.add(u.path("resource_id").asString() + " " + plain(u.path("billed_cost").asString())));
            cursor = page.path("next_cursor").isString() ? page.path("next_cursor").asString() : null;
        } while (cursor != null);
        return listed;
    }

    private static String plain(String amount) {
        return new BigDecimal(amount).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal sum(List<Line> lines, boolean billed) {
        return lines.stream().map(l -> billed ? l.billed() : l.effective()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertSplit(JsonNode split, List<Line> managed, List<Line> unmanaged, List<Line> unallocated, long uncomputed) {
        assertThat(split.path("metric").asString()).isEqualTo("effective");
        assertThat(new BigDecimal(split.path("attributed_cost").asString())).as(split.toString()).isEqualByComparingTo(sum(managed, false));
        assertThat(new BigDecimal(split.path("unmanaged_cost").asString())).isEqualByComparingTo(sum(unmanaged, false));
        assertThat(new BigDecimal(split.path("unallocated_cost").asString())).isEqualByComparingTo(sum(unallocated, false));
        assertThat(split.path("attributed_count").asLong()).isEqualTo(managed.size());
        assertThat(split.path("unmanaged_count").asLong()).isEqualTo(unmanaged.size());
        assertThat(split.path("unallocated_count").asLong()).isEqualTo(unallocated.size());
        assertThat(split.path("uncomputed_count").asLong()).isEqualTo(uncomputed);
        assertThat(split.path("line_count").asLong()).isEqualTo(managed.size() + unmanaged.size() + unallocated.size() + uncomputed);
    }
}
