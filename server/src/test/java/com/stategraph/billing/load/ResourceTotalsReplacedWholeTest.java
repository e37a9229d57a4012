package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A month's resource totals of many resources (the tests' threshold is 10) are a set of their own,
 * replaced whole when any sum changes: re-syncs that change every resource's cost do not grow the
 * store, the set they replace is dropped, an unchanged reload keeps the set, and a month that
 * shrinks below the threshold goes back to the shared table. The resource view reads whichever holds it.
 */
class ResourceTotalsReplacedWholeTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final int RESOURCES = 300;
    private static final int TOP = 3;

    /** Resource r costs (r + 1) x {@code factor} cents on each of two days. @return each resource's month, by resource */
    private static List<BigDecimal> export(Path dir, int resources, int factor) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<BigDecimal> perResource = new ArrayList<>();
        for (int r = 0; r < resources; r++) {
            BigDecimal cost = BigDecimal.valueOf((long) (r + 1) * factor, 2);
            perResource.add(cost.add(cost));
            for (int day = 1; day <= 2; day++) {
                rows.add(List.of(cost.toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", M.atDay(day) + "T00:00:00Z", "res-" + r));
            }
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        return perResource;
    }

    private Optional<UUID> set(String tenant) {
        return jdbc.sql("SELECT set_id FROM resource_month_total_sets WHERE tenant_id = ?::uuid AND month = ?::date")
                .params(tenant, M.atDay(1).toString()).query(UUID.class).optional();
    }

    private boolean exists(UUID set) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(BillingPartitions.RESOURCE_TOTALS.tableOf(set))
                .query(Boolean.class).single();
    }

    /** Bytes of the set's table with its indexes. */
    private long size(UUID set) {
        return jdbc.sql("SELECT pg_total_relation_size(?::regclass)").param(BillingPartitions.RESOURCE_TOTALS.tableOf(set))
                .query(Long.class).single();
    }

    private long sharedRows(String tenant) {
        return jdbc.sql("SELECT count(*) FROM cost_resource_month_totals WHERE tenant_id = ?::uuid").param(tenant)
                .query(Long.class).single();
    }

    /** The month's top resources as the API ranks them, and "other", against the costs the export was written with. */
    private void assertTopResources(String tenant, List<BigDecimal> perResource) {
        JsonNode results = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&group_by=resource&limit=" + TOP
                + "&from=" + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1)).body().path("results");
        assertThat(results.size()).as(results.toString()).isEqualTo(TOP + 1);
        BigDecimal rest = perResource.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int i = 0; i < TOP; i++) {
            int r = perResource.size() - 1 - i; // the last resource costs the most
            assertThat(results.get(i).path("key").asString()).isEqualTo("res-" + r);
            assertThat(new BigDecimal(results.get(i).path("cost").asString())).isEqualByComparingTo(perResource.get(r));
            rest = rest.subtract(perResource.get(r));
        }
        assertThat(results.get(TOP).path("key").asString()).isEqualTo("other");
        assertThat(new BigDecimal(results.get(TOP).path("cost").asString())).isEqualByComparingTo(rest);
    }

    @Test
    void changedReSyncsReplaceTheSetWholeAndDropTheOldOne() throws Exception {
        Path dir = tempDir("resource-totals-sets-");
        List<BigDecimal> costs = export(dir, RESOURCES, 1);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        UUID first = set(tenant).orElseThrow();
        assertThat(sharedRows(tenant)).as("the month is not also in the shared table").isZero();
        long firstSize = size(first);
        assertTopResources(tenant, costs);

        assertThat(syncAndWait(tenant, source, Map.of("force", true)).path("status").asString()).isEqualTo("ok");
        assertThat(set(tenant)).as("an unchanged reload keeps the set").contains(first);

        UUID previous = first;
        for (int round = 2; round <= 5; round++) {
            costs = export(dir, RESOURCES, round);
            assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
            UUID now = set(tenant).orElseThrow();
            assertThat(now).as("every sum changed: a new set").isNotEqualTo(previous);
            assertThat(exists(previous)).as("the replaced set's table is dropped after the sync").isFalse();
            assertThat(size(now)).as("the store does not grow with changed re-syncs").isLessThanOrEqualTo(firstSize * 5 / 4);
            assertTopResources(tenant, costs);
            previous = now;
        }
        long attached = jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'cost_resource_month_totals_large'::regclass"
                + " AND inhrelid = ?::regclass").param(BillingPartitions.RESOURCE_TOTALS.tableOf(previous)).query(Long.class).single();
        assertThat(attached).isEqualTo(1);

        // Fewer resources than the threshold: back to the shared table, the set dropped.
        costs = export(dir, 5, 7);
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertThat(set(tenant)).isEmpty();
        assertThat(exists(previous)).isFalse();
        assertThat(sharedRows(tenant)).isEqualTo(5);
        assertTopResources(tenant, costs);
    }
}
