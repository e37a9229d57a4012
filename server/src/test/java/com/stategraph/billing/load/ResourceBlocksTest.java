package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The per-resource month sums in blocks (V50): {@code cost_monthly_resources} shows every resource's
 * sums as the export's lines add up, each id in the block of its 128, the lines without a
 * ResourceId in block -1; a state's actuals read the blocks of its resources; an unchanged reload
 * writes no block, and a change to one resource rewrites only the block that holds it.
 */
class ResourceBlocksTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final int RESOURCES = 400;
    /** The resources a state manages: far enough apart to be in three blocks. */
    private static final List<Integer> MANAGED = List.of(3, 200, 390);

    /** Resource r costs (r + 1) cents on each of two days, {@code changed} 7.77 more on the second; two lines have no ResourceId. */
    private static Map<String, BigDecimal> export(Path dir, int changed) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        Map<String, BigDecimal> perResource = new TreeMap<>();
        for (int day = 1; day <= 2; day++) {
            for (int r = 0; r < RESOURCES; r++) {
                BigDecimal cost = BigDecimal.valueOf(r + 1, 2).add(r == changed && day == 2 ? new BigDecimal("7.77") : BigDecimal.ZERO);
                String id = "i-" + String.format("%05d", r);
                perResource.merge(id, cost, BigDecimal::add);
                rows.add(List.of(cost.toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", M.atDay(day) + "T00:00:00Z", id, "Instance"));
            }
            rows.add(List.of("12.5", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(day) + "T00:00:00Z", "", ""));
            perResource.merge("", new BigDecimal("12.5"), BigDecimal::add);
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId", "ResourceType"), rows);
        return perResource;
    }

    /** Each resource's month through the view, by its ResourceId ('' for the lines without one). */
    private Map<String, BigDecimal> viewed(String source) {
        Map<String, BigDecimal> out = new TreeMap<>();
        jdbc.sql("SELECT coalesce(d.value, ''), sum(m.billed_cost) FROM cost_monthly_resources m LEFT JOIN billing_resource_values d"
                        + " ON d.tenant_id = m.tenant_id AND d.id = m.resource_key WHERE m.source_id = ?::uuid GROUP BY 1").param(source)
                .query((rs, i) -> out.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return out;
    }

    private static void assertSameSums(Map<String, BigDecimal> actual, Map<String, BigDecimal> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, sum) -> assertThat(actual.get(id)).as(id).isEqualByComparingTo(sum));
    }

    /** Each block of the source: its number to where it is and which transaction wrote it. */
    private Map<Integer, String> blocks(String source) {
        Map<Integer, String> out = new TreeMap<>();
        jdbc.sql("SELECT block, ctid::text || ' ' || xmin::text FROM " + ResourceBlocks.TABLE + " WHERE source_id = ?::uuid").param(source)
                .query((rs, i) -> out.put(rs.getInt(1), rs.getString(2))).list();
        return out;
    }

    private int blockOf(String tenant, String resourceId) {
        return jdbc.sql("SELECT id >> " + ResourceBlocks.SHIFT + " FROM billing_resource_values WHERE tenant_id = ?::uuid AND value = ?")
                .params(tenant, resourceId).query(Integer.class).single();
    }

    @Test
    void sumsInBlocksReadBackAsTheLinesAddUpAndOnlyAChangedBlockIsWritten() throws Exception {
        String tenant = newTenant();
        TerraformStates state = TerraformStates.state(1, "fleet");
        for (int r : MANAGED) {
            state = state.managed("aws_instance", "node" + r, "aws", Map.of("id", "i-" + String.format("%05d", r)));
        }
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/fleet", state.json());
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        String stateId = pushed.text("id");
        Path dir = tempDir("resource-blocks-");
        Map<String, BigDecimal> expected = export(dir, -1);
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertSameSums(viewed(source), expected);

        List<String> misplaced = jdbc.sql("SELECT block || ' ' || coalesce(k::text, 'none') FROM " + ResourceBlocks.TABLE
                + " b, unnest(b.resource_keys) k WHERE b.source_id = ?::uuid AND CASE WHEN k IS NULL THEN b.block <> -1"
                + " ELSE k >> " + ResourceBlocks.SHIFT + " <> b.block END").param(source).query(String.class).list();
        assertThat(misplaced).as("each id in the block of its 128, the lines without one in block -1").isEmpty();
        Map<Integer, String> first = blocks(source);
        assertThat(first).containsKey(-1);
        assertThat(first.size()).as("400 ids are at least four blocks, and block -1").isGreaterThanOrEqualTo(5);

        // The state's actuals, from the blocks of its three resources.
        awaitAttribution(tenant, null);
        JsonNode actuals = api.get(ADMIN_KEY, "/api/v1/states/" + stateId + "/costs/actuals?from=" + M.atDay(1) + "&to="
                + M.plusMonths(1).atDay(1)).body();
        Map<String, BigDecimal> byAddress = new TreeMap<>();
        actuals.path("resources").forEach(r -> byAddress.put(r.path("address").asString(), new BigDecimal(r.path("billed_cost").asString())));
        Map<String, BigDecimal> expectedByAddress = new TreeMap<>();
        MANAGED.forEach(r -> expectedByAddress.put("aws_instance.node" + r, expected.get("i-" + String.format("%05d", r))));
        assertSameSums(byAddress, expectedByAddress);

        // The month's largest resources, ranked from sums taken block by block (MonthTopResources): the export's five costliest.
        JsonNode top = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&group_by=resource&limit=5&from="
                + M.atDay(1) + "&to=" + M.plusMonths(1).atDay(1)).body().path("results");
        // the lines without a ResourceId are one entry, "(none)"
        List<String> expectedTop = expected.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .limit(5).map(e -> e.getKey().isEmpty() ? "(none)" : e.getKey()).toList();
        assertThat(expectedTop).hasSize(5);
        List<String> answeredTop = new ArrayList<>();
        top.forEach(r -> {
            String key = r.path("key").asString();
            if (key.equals(com.stategraph.billing.costs.ActualsService.OTHER)) {
                return; // the rest of the month, folded
            }
            answeredTop.add(key);
            assertThat(new BigDecimal(r.path("cost").asString())).as(key).isEqualByComparingTo(expected.get(key.equals("(none)") ? "" : key));
        });
        assertThat(answeredTop).as(top.toString()).isEqualTo(expectedTop);

        // Forced, as after an upgrade of the loader: the same sums, so no block is written again.
        assertThat(syncAndWait(tenant, source, Map.of("force", true)).path("status").asString()).isEqualTo("ok");
        assertThat(blocks(source)).isEqualTo(first);

        int changed = MANAGED.get(2);
        Map<String, BigDecimal> after = export(dir, changed);
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertSameSums(viewed(source), after);
        Map<Integer, String> now = blocks(source);
        int block = blockOf(tenant, "i-" + String.format("%05d", changed));
        assertThat(now.keySet()).isEqualTo(first.keySet());
        first.forEach((b, where) -> {
            if (b == block) {
                assertThat(now.get(b)).as("the changed resource's block is written again").isNotEqualTo(where);
            } else {
                assertThat(now.get(b)).as("block " + b + " is kept where it was").isEqualTo(where);
            }
        });
    }

    /**
     * Each resource keeps its own dimensions, a missing one apart from every present one: the blocks name a combination by
     * id, matched to the load's sums column by column with a NULL equal only to a NULL.
     */
    @Test
    void eachResourceKeepsItsDimensionsMissingOnesIncluded() throws Exception {
        String tenant = newTenant();
        Path dir = tempDir("resource-dimensions-");
        List<String> regions = java.util.Arrays.asList("us-east-1", null, "eu-west-1");
        List<String> services = java.util.Arrays.asList("Amazon EC2", "Amazon S3", null);
        List<String> accounts = java.util.Arrays.asList(null, "111111111111");
        List<List<String>> rows = new ArrayList<>();
        Map<String, List<String>> expected = new TreeMap<>();
        for (int r = 0; r < regions.size() * services.size() * accounts.size(); r++) {
            String region = regions.get(r % regions.size());
            String service = services.get(r / regions.size() % services.size());
            String account = accounts.get(r / (regions.size() * services.size()));
            String id = "res-" + r;
            expected.put(id, java.util.Arrays.asList(region, service, account));
            rows.add(List.of("1.25", "USD", M.atDay(1) + "T00:00:00Z", M.atDay(3) + "T00:00:00Z", id, region == null ? "" : region,
                    service == null ? "" : service, account == null ? "" : account));
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false, List.of("BilledCost", "BillingCurrency", "BillingPeriodStart",
                "ChargePeriodStart", "ResourceId", "RegionId", "ServiceName", "SubAccountId"), rows);
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        Map<String, List<String>> viewed = new TreeMap<>();
        jdbc.sql("SELECT d.value, m.region_id, m.service_name, m.sub_account_id FROM cost_monthly_resources m"
                        + " JOIN billing_resource_values d ON d.tenant_id = m.tenant_id AND d.id = m.resource_key WHERE m.source_id = ?::uuid")
                .param(source)
                .query((rs, i) -> viewed.put(rs.getString(1), java.util.Arrays.asList(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        assertThat(expected).hasSize(18);
        assertThat(viewed).isEqualTo(expected);
        long combinations = jdbc.sql("SELECT count(*) FROM cost_resource_dims WHERE tenant_id = ?::uuid").param(tenant)
                .query(Long.class).single();
        assertThat(combinations).as("one combination per distinct set of dimensions").isEqualTo(expected.values().stream().distinct().count());
    }
}
