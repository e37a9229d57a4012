package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.db.Migrations;
import com.stategraph.billing.load.TestLoads.Line;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The month's largest resources a load ranks from its own candidates ({@link MonthTopCandidates}) are
 * the lists ranked from every resource's sums in the blocks: with ties across the last kept place,
 * resources whose month is summed over two regions and two billing periods, two currencies, and
 * lines without a ResourceId. A second source's sums in the same months are then added by the
 * ranking from the blocks. A database of its own.
 */
class MonthTopCandidatesTest {
    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 1);
    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1);
    private static final int RESOURCES = 2_500;

    private static List<Line> lines() {
        Random random = new Random(42);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            int r = random.nextInt(RESOURCES);
            LocalDate period = i % 3 == 0 ? OCTOBER : SEPTEMBER;
            // An October line charged in September: its resource's September is summed over two billing periods.
            LocalDate charged = period.equals(OCTOBER) && i % 2 == 0 ? SEPTEMBER.plusDays(20) : period.plusDays(random.nextInt(28));
            String region = r % 5 == 0 && i % 2 == 0 ? "eu-west-1" : "us-east-1";
            // Costs of a few values only: many resources tie, across the 1,000th place too.
            BigDecimal billed = BigDecimal.valueOf(1 + random.nextInt(6), 1);
            lines.add(new Line(period, charged, "Usage", region, "i-" + String.format("%05d", r), billed, billed.add(BigDecimal.ONE),
                    BigDecimal.valueOf(random.nextInt(1000), 2), r % 17 == 0 ? "EUR" : "USD"));
        }
        lines.add(new Line(SEPTEMBER, SEPTEMBER, "Tax", null, null, new BigDecimal("99.5"), new BigDecimal("99.5"), BigDecimal.ZERO));
        return lines;
    }

    private static List<String> kept(JdbcClient db, UUID tenant) {
        return db.sql("SELECT concat_ws(' ', month, billing_currency, metric, position, resource_id, cost, row_count)"
                + " FROM cost_month_top_resources WHERE tenant_id = ? ORDER BY month, billing_currency, metric, position")
                .param(tenant).query(String.class).list();
    }

    /** The months' lists ranked again from every resource's sums in the blocks, and what they then are. */
    private static List<String> rankedFromBlocks(DataSource ds, JdbcClient db, UUID tenant) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            MonthTopResources.rebuild(c, tenant, Set.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1)));
            c.commit();
        }
        return kept(db, tenant);
    }

    @Test
    void aLoadsOwnCandidatesRankAsEveryResourceDoes() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Migrations.upTo(ds, "latest");
            JdbcClient db = JdbcClient.create(ds);
            UUID tenant = UUID.randomUUID();
            UUID source = UUID.randomUUID();
            Migrations.tenantWithSource(db, tenant, source);
            List<Line> lines = lines();
            TestLoads.load(ds, tenant, source, List.of(SEPTEMBER, OCTOBER), lines, TestLoads.WHOLE);

            List<String> fromCandidates = kept(db, tenant);
            Set<String> groups = new TreeSet<>();
            fromCandidates.forEach(row -> groups.add(row.substring(0, row.indexOf(' ', row.indexOf(' ', 11) + 1))));
            // September and October, in USD and EUR, four metrics each; USD's September has more resources than are kept
            assertThat(groups).hasSize(4 * 4);
            assertThat(fromCandidates.stream().filter(row -> row.startsWith("2026-09-01 USD billed_cost "))).hasSize(MonthTopResources.KEPT);
            assertThat(fromCandidates).anyMatch(row -> row.contains(" (none) ") || row.matches(".* \\d+ 99\\.5 1$"));
            assertThat(rankedFromBlocks(ds, db, tenant)).isEqualTo(fromCandidates);

            // A second source of the tenant in the same months: its sums are added to the first's.
            UUID second = UUID.randomUUID();
            Migrations.source(db, tenant, second, "s3://b/y/");
            List<Line> september = lines.stream().filter(l -> l.period().equals(SEPTEMBER)).toList();
            TestLoads.load(ds, tenant, second, List.of(SEPTEMBER), september, TestLoads.WHOLE);
            List<String> bothSources = kept(db, tenant);
            assertThat(bothSources).isNotEqualTo(fromCandidates);
            assertThat(rankedFromBlocks(ds, db, tenant)).isEqualTo(bothSources);
        }
    }
}
