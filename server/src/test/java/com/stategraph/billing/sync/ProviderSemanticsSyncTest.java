package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The provider of a cost is the one its rows name, not the cloud the source was configured as:
 * one export can hold several providers, FOCUS 1.3 names the service and host providers, 1.4 drops
 * ProviderName and PublisherName. Each file's FOCUS version is recorded on the run.
 */
class ProviderSemanticsSyncTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final String PS = M.atDay(1) + "T00:00:00Z";

    private Map<String, BigDecimal> grouped(String tenant, String groupBy, String filter) {
        var response = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?metric=billed&from=" + M.atDay(1)
                + "&to=" + M.plusMonths(1).atDay(1) + "&group_by=" + groupBy + (filter == null ? "" : "&" + filter));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode g : response.body().path("results")) {
            out.put(g.path("key").asString() + "|" + g.path("currency").asString(), new BigDecimal(g.path("cost").asString()));
        }
        return out;
    }

    private static Map<String, BigDecimal> sums(List<List<String>> rows, int keyColumn, int costColumn, int currencyColumn) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (List<String> r : rows) {
            String key = r.get(keyColumn) == null || r.get(keyColumn).isEmpty() ? "(none)" : r.get(keyColumn);
            out.merge(key + "|" + r.get(currencyColumn), new BigDecimal(r.get(costColumn)), BigDecimal::add);
        }
        return out;
    }

    private static List<Map<String, Object>> versions(JsonNode run) {
        List<Map<String, Object>> out = new ArrayList<>();
        run.path("focus_versions").forEach(v -> out.add(Map.of("version", v.path("version").asString(),
                "files", v.path("files").asInt())));
        return out;
    }

    @Test
    void oneExportWithSeveralProvidersIsGroupedByTheProviderEachRowNames() throws Exception {
        // Like the FinOps Foundation's sample: AWS, Microsoft and Oracle rows in one file, a Marketplace
        // seller as publisher, a partner as invoice issuer.
        List<String> header = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
                "ProviderName", "PublisherName", "InvoiceIssuerName", "ServiceName");
        List<List<String>> rows = new ArrayList<>();
        String[][] parties = {{"AWS", "AWS", "AWS"}, {"AWS", "Acme Seller", "AWS"}, {"Microsoft", "Microsoft", "Microsoft"},
                {"Microsoft", "Microsoft", "Contoso Partner"}, {"Oracle", "Oracle", "Oracle"}};
        for (int i = 0; i < 60; i++) {
            String[] p = parties[i % parties.length];
            rows.add(List.of(new BigDecimal(i + 1).movePointLeft(2).add(new BigDecimal("0.000001")).toPlainString(),
                    i % 4 == 0 ? "EUR" : "USD", PS, M.atDay(1 + i % 27) + "T00:00:00Z", p[0], p[1], p[2], "Svc " + i % 3));
        }
        Path dir = tempDir("multi-provider-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, header, rows);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        JsonNode run = syncAndWait(tenant, source);
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");

        assertThat(grouped(tenant, "provider", null)).isEqualTo(sums(rows, 4, 0, 1)).containsKey("Oracle|USD");
        assertThat(grouped(tenant, "publisher", null)).isEqualTo(sums(rows, 5, 0, 1));
        assertThat(grouped(tenant, "invoice_issuer", null)).isEqualTo(sums(rows, 6, 0, 1));
        assertThat(grouped(tenant, "source", null).keySet()).as("source stays the configured source")
                .containsExactlyInAnyOrder(source + "|USD", source + "|EUR");
        List<List<String>> microsoft = rows.stream().filter(r -> r.get(4).equals("Microsoft")).toList();
        assertThat(microsoft).isNotEmpty();
        assertThat(grouped(tenant, "service", "provider=microsoft")).isEqualTo(sums(microsoft, 7, 0, 1));
        assertThat(grouped(tenant, "service", "provider=aws")).as("aws here means the rows' provider AWS")
                .isEqualTo(sums(rows.stream().filter(r -> r.get(4).equals("AWS")).toList(), 7, 0, 1));
        assertThat(versions(run)).containsExactly(Map.of("version", "1.0", "files", 1));
    }

    @Test
    void focusOnePointThreeNamesTheServiceAndHostProvider() throws Exception {
        List<String> header = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
                "ServiceProviderName", "HostProviderName", "ProviderName", "PublisherName");
        List<List<String>> rows = List.of(
                List.of("10.25", "USD", PS, M.atDay(2) + "T00:00:00Z", "Oracle", "Microsoft", "Microsoft", "Oracle"),
                List.of("4.5", "USD", PS, M.atDay(3) + "T00:00:00Z", "Snowflake", "AWS", "AWS", "Snowflake"),
                List.of("1.125", "USD", PS, M.atDay(3) + "T00:00:00Z", "Microsoft", "Microsoft", "Microsoft", "Microsoft"));
        Path dir = tempDir("focus13-");
        ExportFixtures.csv(dir.resolve("focus13.csv"), false, false, header, rows);
        String tenant = newTenant();
        String source = addSource(tenant, "azure", "file://" + dir + "/");
        JsonNode run = syncAndWait(tenant, source);
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");

        assertThat(grouped(tenant, "provider", null)).as("ServiceProviderName, not ProviderName").isEqualTo(sums(rows, 4, 0, 1));
        assertThat(grouped(tenant, "host_provider", null)).isEqualTo(sums(rows, 5, 0, 1));
        assertThat(grouped(tenant, "provider", "host_provider=microsoft"))
                .isEqualTo(sums(rows.stream().filter(r -> r.get(5).equals("Microsoft")).toList(), 4, 0, 1));
        assertThat(versions(run)).containsExactly(Map.of("version", "1.3", "files", 1));
    }

    @Test
    void focusOnePointFourWithoutProviderNameLoadsAndIsGroupedByServiceProvider() throws Exception {
        List<String> header = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
                "ServiceProviderName", "HostProviderName", "InvoiceIssuerName", "ServiceName", "ChargeCategory");
        List<List<String>> rows = List.of(
                List.of("3.3", "EUR", PS, M.atDay(5) + "T00:00:00Z", "Google Cloud", "Google Cloud", "Google", "Compute Engine", "Usage"),
                List.of("0.7", "EUR", PS, M.atDay(6) + "T00:00:00Z", "Elastic", "Google Cloud", "Google", "Elastic Cloud", "Usage"),
                List.of("-0.2", "EUR", PS, M.atDay(6) + "T00:00:00Z", "Google Cloud", "Google Cloud", "Google", "Compute Engine", "Credit"));
        Path dir = tempDir("focus14-");
        ExportFixtures.csv(dir.resolve("focus14.csv"), false, false, header, rows);
        String tenant = newTenant();
        String source = addSource(tenant, "gcp", "file://" + dir + "/");
        JsonNode run = syncAndWait(tenant, source);
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");

        assertThat(rows(source)).isEqualTo(3);
        assertThat(grouped(tenant, "provider", null)).isEqualTo(sums(rows, 4, 0, 1));
        assertThat(grouped(tenant, "invoice_issuer", null)).isEqualTo(sums(rows, 6, 0, 1));
        assertThat(versions(run)).containsExactly(Map.of("version", "1.4", "files", 1));
    }

    @Test
    void awsFocusOnePointTwoWithAwsColumnsExportLoads() throws Exception {
        // The "FOCUS 1.2 with AWS columns" table: 1.2 columns, DOUBLE costs, millisecond timestamps, maps.
        String schema = ExportFixtures.AWS_SCHEMA
                .replace("message aws_focus {", """
                        message aws_focus_1_2 {
                          optional binary BillingAccountType (STRING);
                          optional binary SubAccountType (STRING);
                          optional binary InvoiceId (STRING);
                          optional binary PricingCurrency (STRING);
                          optional double PricingCurrencyContractedUnitPrice;
                          optional double PricingCurrencyEffectiveCost;
                          optional double PricingCurrencyListUnitPrice;
                          optional binary ServiceSubcategory (STRING);
                          optional binary CapacityReservationId (STRING);
                          optional binary CapacityReservationStatus (STRING);
                          optional double CommitmentDiscountQuantity;
                          optional binary CommitmentDiscountUnit (STRING);
                          optional binary SkuMeter (STRING);""")
                .replace("optional binary x_UsageType (STRING);\n", "");
        Instant start = M.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Map<String, Object>> rows = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 30; i++) {
            double cost = 0.1 * (i + 1);
            expected = expected.add(new BigDecimal(Double.toString(cost)));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("BilledCost", cost);
            row.put("EffectiveCost", cost);
            row.put("BillingCurrency", "USD");
            row.put("BillingPeriodStart", start);
            row.put("ChargePeriodStart", start.plusSeconds(3600L * i));
            row.put("ProviderName", "AWS");
            row.put("PublisherName", i % 5 == 0 ? "Acme Seller" : "AWS");
            row.put("InvoiceIssuerName", "AWS");
            row.put("BillingAccountType", "Billing Account");
            row.put("SubAccountType", "Linked Account");
            row.put("InvoiceId", "INV-" + M);
            row.put("ServiceSubcategory", "Virtual Machines");
            row.put("Tags", Map.of("team", "t" + i % 3));
            row.put("x_Discounts", Map.of("bundled_discount", -0.01 * i));
            row.put("x_Operation", "RunInstances");
            row.put("x_ServiceCode", "AmazonEC2");
            rows.add(row);
        }
        Path root = tempDir("aws12-");
        Path data = root.resolve("focus12/data/BILLING_PERIOD=" + M);
        ExportFixtures.parquet(data.resolve("focus12-00001.snappy.parquet"), schema, rows);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + root + "/focus12/data/**/*.parquet");
        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid AND billing_account_type = 'Billing Account'"
                + " AND extra->>'x_ServiceCode' = 'AmazonEC2' AND jsonb_exists(extra->'x_Discounts', 'bundled_discount')")
                .param(source).query(Long.class).single()).isEqualTo(30);
        assertThat(grouped(tenant, "publisher", null).keySet()).containsExactlyInAnyOrder("AWS|USD", "Acme Seller|USD");
        assertThat(versions(run)).containsExactly(Map.of("version", "1.2", "files", 1));
    }
}
