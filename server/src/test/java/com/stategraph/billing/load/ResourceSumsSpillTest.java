package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.db.Migrations;
import com.stategraph.billing.load.TestLoads.Line;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A load's per-resource month sums are the same blocks whether the load held every key and cut the
 * blocks itself, or held a few dozen keys at a time and spilled them to PostgreSQL, which summed
 * them at commit; and both are what the lines add up to. The lines cover what the sums must get
 * right: two billing periods with lines of the month before, a resource in two regions, lines
 * without a ResourceId told apart by charge category, costs of many scales, a cost beyond 18 digits,
 * sums past a long, and values that differ only by a NUL (one resource, one region in PostgreSQL).
 * A database of its own, so that the blocks compared are only these.
 */
class ResourceSumsSpillTest {
    private static final List<LocalDate> PERIODS = List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
    private static final int RESOURCES = 600;
    private static final int SPILL_AT = 25;

    private static List<Line> lines() {
        Random random = new Random(30);
        List<Line> lines = new ArrayList<>();
        for (LocalDate period : PERIODS) {
            for (int i = 0; i < 10_000; i++) {
                int r = random.nextInt(RESOURCES);
                // Some lines are charged in the month before their billing period.
                LocalDate charged = period.minusMonths(i % 10 == 0 ? 1 : 0).plusDays(random.nextInt(28));
                String region = r % 7 == 0 && i % 2 == 0 ? "eu-west-1" : i % 13 == 0 ? "us-east-1\u0000" : "us-east-1";
                String resource = i % 11 == 0 ? "i-" + String.format("%05d", r) + "\u0000" : "i-" + String.format("%05d", r);
                BigDecimal billed = BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(7));
                lines.add(new Line(period, charged, "Usage", region, resource, billed, billed.negate(), billed.movePointLeft(3)));
            }
            lines.add(new Line(period, period, "Tax", null, null, new BigDecimal("17.25"), new BigDecimal("17.25"), BigDecimal.ZERO));
            lines.add(new Line(period, period, "Credit", null, "", new BigDecimal("-3.5"), new BigDecimal("-3.5"), BigDecimal.ZERO));
            lines.add(new Line(period, period, "Usage", "us-east-1", "i-big", new BigDecimal("12345678901234567890.123"), BigDecimal.ONE,
                    BigDecimal.ONE));
            for (int i = 0; i < 11; i++) {
                // eleven of these pass a long's 9.2e18 in unscaled units
                lines.add(new Line(period, period, "Usage", "us-east-1", "i-huge", new BigDecimal("900000000000000000"), BigDecimal.ONE,
                        new BigDecimal("0.5")));
            }
        }
        return lines;
    }

    /** Every block of the source, as text. */
    private static List<String> blocks(JdbcClient db, UUID source) {
        return db.sql("SELECT concat_ws(' ', billing_period, month, block, resource_keys, dims, billed_cost, effective_cost, list_cost,"
                + " contracted_cost, row_counts) FROM cost_resource_blocks WHERE source_id = ? ORDER BY billing_period, month, block")
                .param(source).query(String.class).list();
    }

    private static String key(LocalDate period, LocalDate month, String resource, String region, String category) {
        return period + " " + month + " " + resource + " " + region + " " + category;
    }

    @Test
    void spilledSumsMakeTheSameBlocksAsSumsHeldWholeAndBothAreTheLines() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "latest");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            UUID held = UUID.randomUUID();
            UUID spilled = UUID.randomUUID();
            Migrations.tenantWithSource(db, tenant, held);
            Migrations.source(db, tenant, spilled, "s3://b/y/");
            List<Line> lines = lines();
            TestLoads.load(ds, tenant, held, PERIODS, lines, TestLoads.WHOLE);
            TestLoads.load(ds, tenant, spilled, PERIODS, lines, SPILL_AT);

            Map<String, BigDecimal[]> expected = new TreeMap<>();
            for (Line l : lines) {
                String resource = l.resource() == null || l.resource().isEmpty() ? "" : l.resource().replace("\u0000", "");
                String category = resource.isEmpty() ? l.category() : "";
                String region = l.region() == null ? "" : l.region().replace("\u0000", "");
                BigDecimal[] sums = expected.computeIfAbsent(key(l.period(), l.charged().withDayOfMonth(1), resource, region, category),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(l.billed());
                sums[1] = sums[1].add(l.effective());
                sums[2] = sums[2].add(l.list());
                sums[3] = sums[3].add(BigDecimal.ONE);
            }
            assertThat(expected.size()).as("many times the keys the spilling load holds at once").isGreaterThan(40 * SPILL_AT);

            Map<String, BigDecimal[]> viewed = new TreeMap<>();
            db.sql("SELECT m.billing_period, m.month, coalesce(v.value, ''), coalesce(m.region_id, ''), coalesce(m.charge_category, ''),"
                            + " m.billed_cost, m.effective_cost, m.list_cost, m.row_count FROM cost_monthly_resources m"
                            + " LEFT JOIN billing_resource_values v ON v.tenant_id = m.tenant_id AND v.id = m.resource_key WHERE m.source_id = ?")
                    .param(held).query((rs, i) -> viewed.put(key(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                            rs.getString(3), rs.getString(4), rs.getString(5)), new BigDecimal[] {rs.getBigDecimal(6), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getBigDecimal(9)})).list();
            assertThat(viewed.keySet()).isEqualTo(expected.keySet());
            expected.forEach((k, sums) -> {
                for (int m = 0; m < sums.length; m++) {
                    // exact, scale included: a sum is the lines' BigDecimal sum
                    assertThat(viewed.get(k)[m].toPlainString()).as(k + " metric " + m).isEqualTo(sums[m].toPlainString());
                }
            });

            List<String> heldBlocks = blocks(db, held);
            assertThat(heldBlocks).hasSizeGreaterThan(2 * (RESOURCES >> ResourceBlocks.SHIFT));
            assertThat(blocks(db, spilled)).isEqualTo(heldBlocks);
        }
    }

    /** Each resource's month sums in the tenant, by its ResourceId and dimensions, as text. */
    private static List<String> sumsByValue(JdbcClient db, UUID tenant) {
        return db.sql("SELECT concat_ws(' ', m.billing_period, m.month, v.value, m.region_id, m.charge_category, m.billed_cost,"
                + " m.effective_cost, m.list_cost, m.row_count) FROM cost_monthly_resources m LEFT JOIN billing_resource_values v"
                + " ON v.tenant_id = m.tenant_id AND v.id = m.resource_key WHERE m.tenant_id = ? ORDER BY 1").param(tenant)
                .query(String.class).list();
    }

    /**
     * Two loads running at once share the process's budget of held sums: neither gets more than it has
     * between them, each spills when it cannot get more, both store the sums of their lines, and the
     * budget is whole again after them.
     */
    @Test
    void twoLoadsAtOnceShareTheBudgetAndGiveItBack() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "latest");
            JdbcClient db = JdbcClient.create(ds);
            List<UUID> tenants = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            List<UUID> sources = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            for (int t = 0; t < 3; t++) {
                db.sql("INSERT INTO tenants (id, name) VALUES (?, ?)").params(tenants.get(t), "tenant-" + t).update();
                Migrations.source(db, tenants.get(t), sources.get(t), "s3://b/x/");
            }
            LocalDate period = PERIODS.get(0);
            Random random = new Random(7);
            List<Line> lines = new ArrayList<>();
            // More distinct resources than the budget holds, in one billing period.
            for (int i = 0; i < 30_000; i++) {
                BigDecimal cost = BigDecimal.valueOf(random.nextInt(10_000), 3);
                lines.add(new Line(period, period.plusDays(i % 28), "Usage", "us-east-1", "i-" + (i % 20_000), cost, cost, cost));
            }
            TestLoads.load(ds, tenants.get(2), sources.get(2), List.of(period), lines, TestLoads.WHOLE);

            long pageOfKeys = 8_192;
            ResourceSumBudget shared = new ResourceSumBudget(pageOfKeys);
            try (BillingLoad first = TestLoads.begin(ds, tenants.get(0), sources.get(0), List.of(period), shared);
                 BillingLoad second = TestLoads.begin(ds, tenants.get(1), sources.get(1), List.of(period), shared)) {
                boolean exhausted = false;
                boolean givenBack = false;
                for (int i = 0; i < lines.size(); i++) {
                    TestLoads.write(first, lines.get(i), i + 1);
                    TestLoads.write(second, lines.get(i), i + 1);
                    long free = shared.free();
                    assertThat(free).isBetween(0L, pageOfKeys);
                    givenBack |= exhausted && free > 0;
                    exhausted |= free == 0;
                }
                assertThat(exhausted).as("a load took the whole budget").isTrue();
                assertThat(givenBack).as("a load that spilled gave its share back before its commit").isTrue();
                first.commit(c -> { });
                second.commit(c -> { });
            }
            assertThat(shared.free()).isEqualTo(pageOfKeys);
            List<String> reference = sumsByValue(db, tenants.get(2));
            assertThat(reference).hasSize(20_000);
            assertThat(sumsByValue(db, tenants.get(0))).isEqualTo(reference);
            assertThat(sumsByValue(db, tenants.get(1))).isEqualTo(reference);
        }
    }
}
