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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The per-resource and per-tag-set rollups name each value by its own tenant's dictionary id: two
 * tenants syncing the very same lines (so the same digests in both dictionaries, under other ids;
 * the first tenant has other ResourceIds before them) each get rollup rows whose ids are theirs,
 * with the sums of their lines.
 */
class DictionaryKeysTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ServiceName", "ResourceId", "Tags");

    @Test
    void twoTenantsWithTheSameValuesEachGetTheirOwnIds() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        Map<String, BigDecimal> byResource = new TreeMap<>();
        Map<String, BigDecimal> byTagSet = new TreeMap<>();
        for (int i = 0; i < 36; i++) {
            BigDecimal cost = BigDecimal.valueOf(100 + i, 2);
            String resource = "arn:aws:ec2:eu-west-1:123456789012:volume/vol-" + (i % 6);
            String tags = "{\"team\":\"t" + (i % 3) + "\"}";
            byResource.merge(resource, cost, BigDecimal::add);
            byTagSet.merge(tags, cost, BigDecimal::add);
            rows.add(List.of(cost.toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", M.atDay(1 + i % 5) + "T00:00:00Z", "EBS", resource,
                    tags));
        }
        Path root = tempDir("dictionary-keys-");
        ExportFixtures.csv(root.resolve("focus/part-0.csv"), false, false, HEADER, rows);
        List<String> tenants = List.of(newTenant(), newTenant());
        // ResourceIds are numbered per tenant (V51): the first tenant's own earlier values put its ids after theirs. The
        // first of them has the 8-byte digest of a resource of the export (no real pair is known), so the dictionary must
        // tell the two apart by their values, and that resource's sums must go to its own id, not the earlier value's.
        jdbc.sql("INSERT INTO billing_resource_ids (tenant_id, block, digests, vals) SELECT ?::uuid, 0,"
                + " array_agg(CASE WHEN n = 1 THEN resource_digest(?) ELSE resource_digest(v) END ORDER BY n), array_agg(v ORDER BY n)"
                + " FROM (SELECT n, 'earlier-' || n AS v FROM generate_series(1, 7) n) e")
                .params(tenants.get(0), "arn:aws:ec2:eu-west-1:123456789012:volume/vol-0").update();
        for (String tenant : tenants) {
            JsonNode run = syncAndWait(tenant, addSource(tenant, "aws", "file://" + root + "/focus/"));
            assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM billing_resource_id_clashes WHERE tenant_id = ?::uuid").param(tenants.get(0))
                .query(Long.class).single()).as("the clash is recorded").isOne();
        assertThat(ids(tenants.get(0))).as("the same values, other ids in the other tenant").doesNotContainAnyElementsOf(ids(tenants.get(1)));
        for (String tenant : tenants) {
            Map<String, BigDecimal> resources = new TreeMap<>();
            jdbc.sql("SELECT d.value, m.billed_cost FROM cost_monthly_resources m JOIN billing_resource_values d ON d.tenant_id = m.tenant_id"
                            + " AND d.id = m.resource_key WHERE m.tenant_id = ?::uuid")
                    .param(tenant).query(rs -> {
                        assertThat(resources.put(rs.getString(1), rs.getBigDecimal(2))).as("one row a resource").isNull();
                    });
            assertThat(resources).as(tenant + ": only the export's resources, each with its sums").isEqualTo(byResource);
            Map<String, BigDecimal> tagSets = new TreeMap<>();
            jdbc.sql("SELECT j.value::text, sum(s.billed_cost) FROM cost_daily_tag_sets s JOIN billing_json j ON j.tenant_id = s.tenant_id"
                            + " AND j.id = s.tags_key WHERE s.tenant_id = ?::uuid GROUP BY 1")
                    .param(tenant).query(rs -> {
                        tagSets.put(rs.getString(1).replace(" ", ""), rs.getBigDecimal(2));
                    });
            assertThat(tagSets).as(tenant).isEqualTo(byTagSet);
            assertThat(jdbc.sql("SELECT count(*) FROM cost_monthly_resources m WHERE m.tenant_id = ?::uuid AND NOT EXISTS"
                    + " (SELECT 1 FROM billing_resource_values d WHERE d.tenant_id = m.tenant_id AND d.id = m.resource_key)")
                    .param(tenant).query(Long.class).single()).as("every resource id is this tenant's").isZero();
        }
    }

    private List<Integer> ids(String tenant) {
        List<Integer> ids = jdbc.sql("SELECT resource_key FROM cost_monthly_resources WHERE tenant_id = ?::uuid").param(tenant)
                .query(Integer.class).list();
        assertThat(ids).isNotEmpty();
        return ids;
    }
}
