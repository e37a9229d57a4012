package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A source's period of many tags (the tests' threshold is 30 rows a rollup) is a set of its own in
 * each per-tag rollup, replaced whole when any sum changes (the per-resource sums are blocks since V50,
 * {@link ResourceBlocksTest}): changed
 * re-syncs do not grow those rollups, the sets they replace are dropped, an unchanged reload keeps
 * them, and a period that shrinks below the threshold goes back to the shared partition. The views
 * that read them answer from whichever holds the period.
 */
class RollupSetsReplacedWholeTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final int RESOURCES = 200;
    /** Instances the resources share: fewer than the values of a key the sync tests sum (25), and a multiple of the 3 teams. */
    private static final int INSTANCES = 21;

    @Autowired
    DataSource db;

    /** Resource r costs (r + 1) x {@code factor} cents on each of two days, tagged with one of 21 instances and one of 3 teams. @return each team's month */
    private static Map<String, BigDecimal> export(Path dir, int resources, int factor) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        Map<String, BigDecimal> perTeam = new TreeMap<>();
        for (int r = 0; r < resources; r++) {
            BigDecimal cost = BigDecimal.valueOf((long) (r + 1) * factor, 2);
            String team = "team-" + (r % 3);
            perTeam.merge(team, cost.add(cost), BigDecimal::add);
            for (int day = 1; day <= 2; day++) {
                rows.add(List.of(cost.toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", M.atDay(day) + "T00:00:00Z", "res-" + r,
                        "{\"instance\":\"i-" + r % INSTANCES + "\",\"team\":\"" + team + "\"}"));
            }
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId", "Tags"), rows);
        return perTeam;
    }

    /** The current set of each rollup kept in sets, by rollup. */
    private Map<String, UUID> sets(String tenant) {
        Map<String, UUID> sets = new TreeMap<>();
        jdbc.sql("SELECT rollup, set_id FROM rollup_sets WHERE tenant_id = ?::uuid AND billing_period = ?::date")
                .params(tenant, M.atDay(1).toString()).query((rs, i) -> sets.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        return sets;
    }

    private boolean exists(String rollup, UUID set) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(BillingPartitions.rollupSets(rollup).tableOf(set))
                .query(Boolean.class).single();
    }

    /**
     * Bytes of the set's rows and indexes: not its free-space and visibility maps, 32 KB that the vacuum after a sync which retired
     * a set gives the new one too, and that a set of a few dozen rows would count as growth.
     */
    private long size(String rollup, UUID set) {
        return jdbc.sql("SELECT pg_relation_size(t, 'main') + pg_indexes_size(t) FROM (SELECT ?::regclass AS t) x")
                .param(BillingPartitions.rollupSets(rollup).tableOf(set)).query(Long.class).single();
    }

    private long sharedRows(String rollup, String tenant) {
        return jdbc.sql("SELECT count(*) FROM " + RollupSets.shared(rollup) + " WHERE tenant_id = ?::uuid").param(tenant)
                .query(Long.class).single();
    }

    private long rows(String rollup, String tenant) {
        return jdbc.sql("SELECT count(*) FROM " + rollup + " WHERE tenant_id = ?::uuid").param(tenant).query(Long.class).single();
    }

    /** The month per team as the API groups it (cost_daily_tags), against the costs the export was written with. */
    private void assertTeams(String tenant, Map<String, BigDecimal> perTeam) {
        JsonNode results = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&group_by=tag&tag_key=team"
                + "&from=" + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1)).body().path("results");
        Map<String, BigDecimal> answered = new TreeMap<>();
        results.forEach(r -> answered.put(r.path("key").asString(), new BigDecimal(r.path("cost").asString())));
        assertThat(answered.keySet()).isEqualTo(perTeam.keySet());
        perTeam.forEach((team, cost) -> assertThat(answered.get(team)).as(team).isEqualByComparingTo(cost));
        // Two tag filters read cost_daily_tag_sets.
        String team = perTeam.keySet().iterator().next();
        JsonNode filtered = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&group_by=service"
                + "&tag=team:" + team + "&tag=instance:i-0&from=" + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1)).body().path("results");
        assertThat(filtered.size()).as(filtered.toString()).isEqualTo(team.equals("team-0") ? 1 : 0);
    }

    @Test
    void changedReSyncsReplaceTheSetsWholeAndDropTheOldOnes() throws Exception {
        Path dir = tempDir("rollup-sets-");
        Map<String, BigDecimal> teams = export(dir, RESOURCES, 1);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        Map<String, UUID> first = sets(tenant);
        assertThat(first.keySet()).as("every rollup kept in sets holds the period as a set").containsExactlyInAnyOrderElementsOf(RollupSets.TABLES);
        Map<String, Long> firstSize = new TreeMap<>();
        first.forEach((rollup, set) -> {
            assertThat(sharedRows(rollup, tenant)).as(rollup + ": the period is not also in the shared partition").isZero();
            firstSize.put(rollup, size(rollup, set));
        });
        // A row per resource, per tag set (an instance's, its team following) and day, per tag value and day.
        assertThat(rows("cost_monthly_resources", tenant)).isEqualTo(RESOURCES);
        assertThat(rows("cost_daily_tag_sets", tenant)).isEqualTo(2L * INSTANCES);
        assertThat(rows("cost_daily_tags", tenant)).isEqualTo(2L * (INSTANCES + 3));
        assertTeams(tenant, teams);

        assertThat(syncAndWait(tenant, source, Map.of("force", true)).path("status").asString()).isEqualTo("ok");
        assertThat(sets(tenant)).as("an unchanged reload keeps the sets").isEqualTo(first);

        Map<String, UUID> previous = first;
        for (int round = 2; round <= 5; round++) {
            teams = export(dir, RESOURCES, round);
            assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
            Map<String, UUID> now = sets(tenant);
            assertThat(now.keySet()).containsExactlyInAnyOrderElementsOf(RollupSets.TABLES);
            for (String rollup : RollupSets.TABLES) {
                assertThat(now.get(rollup)).as(rollup + ": every sum changed, a new set").isNotEqualTo(previous.get(rollup));
                assertThat(exists(rollup, previous.get(rollup))).as(rollup + ": the replaced set's table is dropped").isFalse();
                assertThat(size(rollup, now.get(rollup))).as(rollup + ": no growth with changed re-syncs")
                        .isLessThanOrEqualTo(firstSize.get(rollup) * 5 / 4);
            }
            assertThat(rows("cost_monthly_resources", tenant)).as("never both sets").isEqualTo(RESOURCES);
            assertTeams(tenant, teams);
            previous = now;
        }

        // Fewer rows than the threshold: back to the shared partition, the sets dropped.
        teams = export(dir, 5, 7);
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertThat(sets(tenant)).isEmpty();
        for (String rollup : RollupSets.TABLES) {
            assertThat(exists(rollup, previous.get(rollup))).isFalse();
        }
        assertThat(rows("cost_monthly_resources", tenant)).as("the resources' sums, in blocks (V50)").isEqualTo(5);
        assertThat(sharedRows("cost_daily_tags", tenant)).isEqualTo(2L * (5 + 3));
        assertTeams(tenant, teams);

        // Removing the source removes its rows wherever they are, and its sets' names.
        export(dir, RESOURCES, 1);
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertThat(sets(tenant)).hasSize(RollupSets.TABLES.size());
        assertThat(api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source).status()).isEqualTo(204);
        assertThat(sets(tenant)).isEmpty();
        for (String rollup : RollupSets.TABLES) {
            assertThat(rows(rollup, tenant)).as(rollup).isZero();
        }
        assertThat(rows(ResourceBlocks.TABLE, tenant)).as("the resources' blocks").isZero();
    }

    /** A rollup kept in sets. */
    private static final String ROLLUP = "cost_daily_tags";

    /** Writes {@code resources} rows of the month, each costing {@code cents}, as the period's set in its own transaction, and leaves it open. */
    private Connection writeSet(String tenant, String source, int resources, int cents) throws Exception {
        Connection c = db.getConnection();
        c.setAutoCommit(false);
        List<RollupDiff.Column> columns = RollupDiff.columnsOf(c, ROLLUP);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE next_rows (LIKE " + ROLLUP + " INCLUDING DEFAULTS) ON COMMIT DROP");
            st.execute("INSERT INTO next_rows (tenant_id, source_id, billing_period, day, provider, billing_currency, tag_key, tag_value,"
                    + " billed_cost, effective_cost, list_cost, contracted_cost, row_count) SELECT '" + tenant + "', '" + source + "', '"
                    + M.atDay(1) + "', '" + M.atDay(1) + "', 'AWS', 'USD', 'instance', 'i-' || i, " + cents + " / 100.0, 0, 0, 0, 1"
                    + " FROM generate_series(1, " + resources + ") i");
        }
        Array small = RollupSets.writeLarge(c, ROLLUP, "next_rows", columns, UUID.fromString(tenant),
                UUID.fromString(source), c.createArrayOf("date", new Object[] {M.atDay(1)}), 30);
        assertThat((Object[]) small.getArray()).as("40 rows: a set").isEmpty();
        return c;
    }

    private BigDecimal monthThroughTheParent(String tenant) {
        return jdbc.sql("SELECT coalesce(sum(billed_cost), 0) FROM " + ROLLUP + " WHERE tenant_id = ?::uuid").param(tenant)
                .query(BigDecimal.class).single();
    }

    @Test
    void readersSeeTheReplacedSetUntilTheCommitThenOnlyTheNewOneEvenBeforeTheOldTableIsDropped() throws Exception {
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + tempDir("rollup-sets-never-both-") + "/");
        try (Connection first = writeSet(tenant, source, 40, 1)) {
            first.commit();
        }
        UUID old = sets(tenant).get(ROLLUP);
        assertThat(monthThroughTheParent(tenant)).isEqualByComparingTo("0.40");

        try (Connection second = writeSet(tenant, source, 40, 3)) {
            assertThat(monthThroughTheParent(tenant)).as("before the commit: the old set").isEqualByComparingTo("0.40");
            second.commit();
        }
        // Nothing dropped the old set's table yet (a sync does right after its commit): it is still attached, and empty.
        assertThat(exists(ROLLUP, old)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhrelid = ?::regclass")
                .param(BillingPartitions.rollupSets(ROLLUP).tableOf(old)).query(Long.class).single()).isEqualTo(1);
        assertThat(monthThroughTheParent(tenant)).as("after the commit: the new set only").isEqualByComparingTo("1.20");
        assertThat(sets(tenant).get(ROLLUP)).isNotEqualTo(old);

        BillingPartitions.dropRetired(db);
        assertThat(exists(ROLLUP, old)).isFalse();
        assertThat(monthThroughTheParent(tenant)).isEqualByComparingTo("1.20");
    }
}
