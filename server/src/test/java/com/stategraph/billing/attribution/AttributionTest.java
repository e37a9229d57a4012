package com.stategraph.billing.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import com.stategraph.billing.support.TerraformStates.Instance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A billing export and states built so that every matching rule is exercised: an ARN against a
 * bare id (any partition), a Google full resource name against a self link, an Azure id in another
 * case, count, for_each and module addresses, a data source whose id the bill names, an id two
 * states claim, lines without ResourceId (a negative credit among them), two currencies.
 */
class AttributionTest extends SyncServerTest {
    private record Line(String resourceId, String cost, String currency, String status) {
    }

    private static final List<Line> LINES = List.of(
            new Line("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", "10.5", "USD", "attributed"),
            new Line("arn:aws:ec2:us-east-1:111122223333:natgateway/nat-0abc", "3.25", "USD", "attributed"),
            new Line("arn:aws-us-gov:ec2:us-gov-west-1:111122223333:volume/vol-0gov", "2", "USD", "attributed"),
            new Line("//compute.googleapis.com/projects/p1/zones/us-central1-a/instances/vm1", "4", "USD", "attributed"),
            new Line("/subscriptions/S1/resourcegroups/RG1/providers/microsoft.storage/storageaccounts/sa1", "1.5", "USD", "attributed"),
            new Line("shared-1", "2", "USD", "attributed"),
            new Line("ami-0123", "0.75", "USD", "unmanaged"),
            new Line("i-unknown", "6", "USD", "unmanaged"),
            new Line("", "1.2", "USD", "unallocated"),
            new Line("", "-5", "USD", "unallocated"),
            new Line("i-0abc", "7", "EUR", "attributed"));

    private static final List<String> HEADER = List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart",
            "ChargePeriodStart", "ServiceName", "ResourceId", "ResourceType");

    private static String typeOf(String resourceId) {
        return resourceId.isEmpty() ? "" : resourceId.startsWith("ami-") ? "Image" : "Instance";
    }

    @Test
    void everyLineGetsItsStatusAndRemovingAStateMakesItsLinesUnmanaged() throws Exception {
        String tenant = newTenant();
        String web = push(tenant, "web", TerraformStates.state(1, "web")
                .resource("managed", null, "aws_instance", "web", "aws", Instance.of(0, Map.of("id", "i-0abc", "region", "us-east-1")))
                .resource("managed", "module.net", "aws_nat_gateway", "main", "aws", Instance.of(null, Map.of("id", "nat-0abc")))
                .resource("managed", null, "aws_ebs_volume", "data", "aws", Instance.of("gov", Map.of("id", "vol-0gov")))
                .resource("data", null, "aws_ami", "ubuntu", "aws", Instance.of(null, Map.of("id", "ami-0123")))
                .json());
        push(tenant, "clouds", TerraformStates.state(1, "clouds")
                .managed("google_compute_instance", "vm1", "google", Map.of("id", "projects/p1/zones/us-central1-a/instances/vm1",
                        "self_link", "https://www.googleapis.com/compute/v1/projects/p1/zones/us-central1-a/instances/vm1"))
                .managed("azurerm_storage_account", "sa1", "azurerm", Map.of("id",
                        "/subscriptions/S1/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/sa1"))
                .json());
        push(tenant, "a-first", TerraformStates.state(1, "a").managed("aws_s3_bucket", "one", "aws", Map.of("id", "shared-1")).json());
        push(tenant, "b-second", TerraformStates.state(1, "b").managed("aws_s3_bucket", "two", "aws", Map.of("id", "shared-1")).json());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.withDayOfMonth(1);
        Path dir = tempDir("attribution-");
        List<List<String>> rows = new ArrayList<>();
        for (Line l : LINES) {
            rows.add(List.of(l.cost(), l.cost(), l.currency(), first + "T00:00:00Z", today + "T00:00:00Z", "Compute", l.resourceId(),
                    typeOf(l.resourceId())));
        }
        // Last month: a line before and two after the 10th, for a range that cuts that month.
        LocalDate last = first.minusMonths(1);
        rows.add(List.of("100", "100", "USD", last + "T00:00:00Z", last.withDayOfMonth(5) + "T00:00:00Z", "Compute", "i-early", "Instance"));
        rows.add(List.of("50", "50", "USD", last + "T00:00:00Z", last.withDayOfMonth(25) + "T00:00:00Z", "Compute", "i-0abc", "Instance"));
        rows.add(List.of("2.5", "2.5", "USD", last + "T00:00:00Z", last.withDayOfMonth(20) + "T00:00:00Z", "Compute", "i-unknown",
                "Instance"));
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, HEADER, rows);
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        JsonNode answer = awaitAttribution(tenant, null);
        assertSplit(answer, LINES);
        JsonNode computed = answer;
        assertThat(computed.path("matcher_version").asInt()).isEqualTo(CloudIds.MATCHER_VERSION);
        assertThat(computed.has("currency")).as("the lines mix USD and EUR").isFalse();
        assertThat(computed.has("total_cost")).isFalse();

        // A range that cuts last month's charges reads that month's rows (from the 10th on) and this month's rollup.
        JsonNode cut = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/attribution?from=" + last.withDayOfMonth(10) + "&to="
                + today.plusDays(1)).body();
        assertThat(cut.path("line_count").asLong()).isEqualTo(LINES.size() + 2);
        assertThat(cut.path("attributed_count").asLong()).isEqualTo(answer.path("attributed_count").asLong() + 1);
        JsonNode usd = null;
        JsonNode usdBefore = null;
        for (JsonNode c : cut.path("by_currency")) {
            usd = c.path("currency").asString().equals("USD") ? c : usd;
        }
        for (JsonNode c : answer.path("by_currency")) {
            usdBefore = c.path("currency").asString().equals("USD") ? c : usdBefore;
        }
        assertThat(new BigDecimal(usd.path("attributed_cost").asString()))
                .isEqualByComparingTo(new BigDecimal(usdBefore.path("attributed_cost").asString()).add(new BigDecimal("50")));
        assertThat(new BigDecimal(usd.path("unmanaged_cost").asString()))
                .isEqualByComparingTo(new BigDecimal(usdBefore.path("unmanaged_cost").asString()).add(new BigDecimal("2.5")));
        // The unmanaged resources of that range: last month's edge read from the rows and this month's rollup, summed.
        JsonNode cutUnmanaged = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/unmanaged?from=" + last.withDayOfMonth(10)
                + "&to=" + today.plusDays(1)).body().path("results");
        assertThat(cutUnmanaged).hasSize(2);
        assertThat(cutUnmanaged.get(0).path("resource_id").asString()).isEqualTo("i-unknown");
        assertThat(new BigDecimal(cutUnmanaged.get(0).path("billed_cost").asString())).isEqualByComparingTo("8.5");
        assertThat(cutUnmanaged.get(0).path("line_count").asLong()).isEqualTo(2);
        assertThat(cutUnmanaged.get(0).path("resource_type").asString()).isEqualTo("Instance");
        assertThat(cutUnmanaged.get(1).path("resource_type").asString()).isEqualTo(typeOf("ami-0123"));
        JsonNode cutActuals = api.get(ADMIN_KEY, "/api/v1/states/" + web + "/costs/actuals?from=" + last.withDayOfMonth(10)
                + "&to=" + today.plusDays(1)).body();
        JsonNode webLast = null;
        for (JsonNode r : cutActuals.path("resources")) {
            webLast = r.path("address").asString().equals("aws_instance.web[0]") && r.path("currency").asString().equals("USD") ? r : webLast;
        }
        assertThat(webLast).as(cutActuals.toString()).isNotNull();
        assertThat(new BigDecimal(webLast.path("billed_cost").asString())).isEqualByComparingTo(new BigDecimal("10.5").add(new BigDecimal("50")));
        assertThat(webLast.path("line_count").asLong()).isEqualTo(2);

        // The unmanaged resources, largest first, a page at a time.
        List<Line> unmanaged = LINES.stream().filter(l -> l.status().equals("unmanaged"))
                .sorted((x, y) -> new BigDecimal(y.cost()).compareTo(new BigDecimal(x.cost()))).toList();
        assertThat(unmanaged).hasSizeGreaterThan(1);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/unmanaged?limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor)).body();
            page.path("results").forEach(u -> paged.add(u.path("resource_id").asString() + " " + u.path("billed_cost").asString()
                    + " " + u.path("resource_type").asString()));
            cursor = page.path("next_cursor").isString() ? page.path("next_cursor").asString() : null;
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(unmanaged.stream().map(l -> l.resourceId() + " " + l.cost() + " "
                + typeOf(l.resourceId())).toList());
        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/unmanaged?cursor=bogus").status()).isEqualTo(400);

        // What the web state's resources cost: its lines, by address as Terraform prints it, in each currency.
        Map<String, String> webAddresses = Map.of("i-0abc", "aws_instance.web[0]", "nat-0abc", "module.net.aws_nat_gateway.main",
                "vol-0gov", "aws_ebs_volume.data[\"gov\"]");
        Map<String, BigDecimal> expectedByAddress = new HashMap<>();
        for (Line l : LINES) {
            webAddresses.forEach((id, address) -> {
                if (l.resourceId().endsWith(id)) {
                    expectedByAddress.merge(address + " " + l.currency(), new BigDecimal(l.cost()), BigDecimal::add);
                }
            });
        }
        JsonNode actuals = api.get(ADMIN_KEY, "/api/v1/states/" + web + "/costs/actuals").body();
        Map<String, BigDecimal> byAddress = new HashMap<>();
        actuals.path("resources").forEach(r -> byAddress.put(r.path("address").asString() + " " + r.path("currency").asString(),
                new BigDecimal(r.path("billed_cost").asString())));
        assertThat(byAddress).hasSameSizeAs(expectedByAddress);
        expectedByAddress.forEach((k, v) -> assertThat(byAddress.get(k)).as(k).isEqualByComparingTo(v));
        assertThat(actuals.has("billed_cost")).as("USD and EUR").isFalse();

        // A re-sync whose export names another managed resource: the new lines are attributed too.
        List<Line> resynced = new ArrayList<>(LINES);
        resynced.add(new Line("arn:aws:s3:::shared-1", "4.5", "USD", "attributed"));
        rows.add(2, List.of("4.5", "4.5", "USD", first + "T00:00:00Z", today + "T00:00:00Z", "Compute", "arn:aws:s3:::shared-1",
                "Bucket"));
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, HEADER, rows);
        Map<String, String> written = attributionRows(tenant);
        assertThat(written).isNotEmpty();
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        computed = awaitAttribution(tenant, computed.path("computed_at").asString());
        assertSplit(computed, resynced);
        // Only what changed is written again: each resource whose owner stayed keeps its row as it was.
        Map<String, String> rewritten = attributionRows(tenant);
        assertThat(rewritten).containsAllEntriesOf(written).containsKey("arn:aws:s3:::shared-1").hasSize(written.size() + 1);

        // Removing a state turns its lines unmanaged.
        assertThat(api.delete(ADMIN_KEY, "/api/v1/states/" + web).status()).isEqualTo(204);
        List<Line> after = new ArrayList<>();
        for (Line l : resynced) {
            boolean ofWeb = l.resourceId().contains("i-0abc") || l.resourceId().contains("nat-0abc") || l.resourceId().contains("vol-0gov");
            after.add(ofWeb ? new Line(l.resourceId(), l.cost(), l.currency(), "unmanaged") : l);
        }
        assertSplit(awaitAttribution(tenant, computed.path("computed_at").asString()), after);
        // The web state's resources leave the managed rows (unmanaged ones are kept as ids in blocks); the others keep theirs.
        Map<String, String> afterRemoval = attributionRows(tenant);
        Map<String, String> keptRows = new HashMap<>(rewritten);
        keptRows.keySet().removeIf(resourceId -> resourceId.contains("i-0abc") || resourceId.contains("nat-0abc") || resourceId.contains("vol-0gov"));
        assertThat(keptRows).as("some rows of the other states").isNotEmpty().hasSizeLessThan(rewritten.size());
        assertThat(afterRemoval).isEqualTo(keptRows);
        assertThat(jdbc.sql("SELECT count(*) FROM attribution_unmanaged_keys u JOIN billing_resource_values d ON d.tenant_id = u.tenant_id"
                + " AND d.id = u.resource_key WHERE u.tenant_id = ?::uuid AND (d.value LIKE '%i-0abc%' OR d.value LIKE '%nat-0abc%'"
                + " OR d.value LIKE '%vol-0gov%')").param(tenant).query(Long.class).single()).as("now unmanaged")
                .isEqualTo(resynced.stream().map(Line::resourceId).filter(id -> id.contains("i-0abc") || id.contains("nat-0abc")
                        || id.contains("vol-0gov")).distinct().count());
    }

    /** Each managed resource id's stored row: where it is and which transaction wrote it. */
    private Map<String, String> attributionRows(String tenant) {
        Map<String, String> rows = new HashMap<>();
        jdbc.sql("SELECT d.value, a.ctid::text || ' ' || a.xmin::text FROM attribution_resources a JOIN billing_resource_values d"
                        + " ON d.tenant_id = a.tenant_id AND d.id = a.resource_key WHERE a.tenant_id = ?::uuid")
                .param(tenant).query((rs, i) -> rows.put(rs.getString(1), rs.getString(2))).list();
        return rows;
    }

    private void assertSplit(JsonNode answer, List<Line> lines) {
        Map<String, Map<String, BigDecimal>> expected = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (Line l : lines) {
            expected.computeIfAbsent(l.currency(), c -> new HashMap<>()).merge(l.status(), new BigDecimal(l.cost()), BigDecimal::add);
            counts.merge(l.status(), 1L, Long::sum);
        }
        assertThat(answer.path("line_count").asLong()).isEqualTo(lines.size());
        for (String status : List.of("attributed", "unmanaged", "unallocated")) {
            assertThat(answer.path(status + "_count").asLong()).as(status).isEqualTo(counts.getOrDefault(status, 0L));
        }
        assertThat(answer.path("uncomputed_count").asLong()).isZero();
        assertThat(answer.path("by_currency").size()).isEqualTo(expected.size());
        for (JsonNode split : answer.path("by_currency")) {
            Map<String, BigDecimal> sums = expected.get(split.path("currency").asString());
            BigDecimal total = BigDecimal.ZERO;
            for (String status : List.of("attributed", "unmanaged", "unallocated")) {
                BigDecimal want = sums.getOrDefault(status, BigDecimal.ZERO);
                total = total.add(want);
                assertThat(new BigDecimal(split.path(status + "_cost").asString())).as(split.path("currency").asString() + " " + status)
                        .isEqualByComparingTo(want);
            }
            assertThat(new BigDecimal(split.path("total_cost").asString())).isEqualByComparingTo(total);
            assertThat(new BigDecimal(split.path("coverage_percent").asString())).isEqualByComparingTo(sums.getOrDefault("attributed",
                    BigDecimal.ZERO).multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_EVEN));
        }
    }

    private String push(String tenant, String name, String json) {
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/" + name, json);
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        return pushed.text("id");
    }
}
