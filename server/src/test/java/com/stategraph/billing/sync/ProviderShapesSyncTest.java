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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Files in each provider's shape, synced end to end from file:// sources; loaded sums compared exactly. */
class ProviderShapesSyncTest extends SyncServerTest {
    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneOffset.UTC);

    static Instant start(YearMonth m) {
        return m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Instant day(YearMonth m, int d) {
        return m.atDay(d).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void awsParquetWithMapTagsAndDoubleCosts() throws Exception {
        Path root = tempDir("aws-");
        BigDecimal expectedBilled = BigDecimal.ZERO;
        BigDecimal expectedList = BigDecimal.ZERO;
        for (YearMonth month : List.of(LAST_MONTH, THIS_MONTH)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                double billed = 0.1 + i * 0.37;
                double list = billed * 1.25;
                expectedBilled = expectedBilled.add(new BigDecimal(Double.toString(billed)));
                expectedList = expectedList.add(new BigDecimal(Double.toString(list)));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("BilledCost", billed);
                r.put("EffectiveCost", billed);
                r.put("ListCost", list);
                r.put("ContractedCost", billed);
                r.put("BillingAccountId", "111122223333");
                r.put("BillingCurrency", "USD");
                r.put("BillingPeriodStart", start(month));
                r.put("BillingPeriodEnd", start(month.plusMonths(1)));
                r.put("ChargePeriodStart", day(month, 1 + i % 28));
                r.put("ChargePeriodEnd", day(month, 2 + i % 27));
                r.put("ChargeCategory", "Usage");
                r.put("ChargeFrequency", "Usage-based");
                r.put("ProviderName", "AWS");
                r.put("ServiceName", i % 2 == 0 ? "Amazon EC2" : "Amazon S3");
                r.put("ServiceCategory", "Compute");
                r.put("SubAccountId", "4444" + (i % 3));
                r.put("RegionId", "us-east-1");
                r.put("Tags", Map.of(" team ", "core", "env", "prod"));
                r.put("SkuPriceDetails", Map.of("size", "m5.large"));
                r.put("x_Discounts", Map.of("bundled", 0.5));
                r.put("x_ServiceCode", "AmazonEC2");
                rows.add(r);
            }
            ExportFixtures.parquet(root.resolve("focus/data/BILLING_PERIOD=" + month + "/focus-0000" + month.getMonthValue()
                    + ".snappy.parquet"), ExportFixtures.AWS_SCHEMA, rows);
        }
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + root + "/focus/data/**/*.parquet");

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(run.path("files").asInt()).isEqualTo(2);
        assertThat(run.path("rows").asLong()).isEqualTo(500);
        assertThat(run.path("trigger").asString()).isEqualTo("manual");
        assertThat(sum(source, "billed_cost")).isEqualByComparingTo(expectedBilled);
        assertThat(sum(source, "billed_cost").toPlainString()).isEqualTo(expectedBilled.toPlainString());
        assertThat(sum(source, "list_cost")).isEqualByComparingTo(expectedList);
        JsonNode src = source(tenant, source);
        assertThat(src.path("last_status").asString()).isEqualTo("ok");
        assertThat(src.path("last_row_count").asLong()).isEqualTo(500);
        assertThat(src.path("last_synced_at").isNull()).isFalse();
        Map<String, Object> one = jdbc.sql("SELECT tags::text AS tags, extra::text AS extra, charge_frequency,"
                        + " sku_price_details::text AS sku, billing_period FROM billing_rows WHERE source_id = ?::uuid LIMIT 1")
                .param(source).query().singleRow();
        assertThat(one.get("tags")).isEqualTo("{\"env\": \"prod\", \"team\": \"core\"}");
        assertThat(one.get("charge_frequency")).isEqualTo("Usage-Based");
        assertThat(one.get("sku")).isEqualTo("{\"size\": \"m5.large\"}");
        assertThat((String) one.get("extra")).contains("\"x_ServiceCode\": \"AmazonEC2\"").contains("\"x_Discounts\": {\"bundled\": 0.5}");
        assertThat(jdbc.sql("SELECT count(DISTINCT billing_period) FROM billing_rows WHERE source_id = ?::uuid")
                .param(source).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void azureCsvAndGzippedCsvWithCustomColumnsAndShortDates() throws Exception {
        Path root = tempDir("azure-");
        List<String> header = List.of("BilledCost", "BillingAccountId", "BillingCurrency", "BillingPeriodEnd",
                "BillingPeriodStart", "ChargeCategory", "ChargePeriodEnd", "ChargePeriodStart", "EffectiveCost",
                "ListCost", "ContractedCost", "ProviderName", "ServiceName", "SubAccountId", "Tags",
                "x_BilledCostInUsd", "x_ResourceGroupName", "x_SkuMeterCategory");
        String ps = LAST_MONTH.atDay(1) + "T00:00Z";
        String pe = LAST_MONTH.plusMonths(1).atDay(1) + "T00:00Z";
        List<List<String>> plain = new ArrayList<>();
        List<List<String>> zipped = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 120; i++) {
            String cost = new BigDecimal("1.123456789012345678").multiply(BigDecimal.valueOf(i + 1)).toPlainString();
            expected = expected.add(new BigDecimal(cost));
            String chargeDay = LAST_MONTH.atDay(1 + i % 28) + "T00:00Z";
            String tags = switch (i % 3) {
                case 0 -> "{\" team \": \"web\", \"env\": \"dev\"}";
                case 1 -> "\"team\": \"data\",\"env\":\"prod\"";
                default -> "NULL";
            };
            List<String> row = List.of(cost, "/providers/Microsoft.Billing/billingAccounts/123", "EUR", pe, ps,
                    "Usage", chargeDay, chargeDay, cost, "NULL", "", "Microsoft", "Virtual Machines", "sub-" + (i % 4), tags,
                    "1.5", "rg-" + i % 2, "Compute");
            (i % 2 == 0 ? plain : zipped).add(row);
        }
        ExportFixtures.csv(root.resolve("exports/focus/part_0_0001.csv"), false, true, header, plain);
        ExportFixtures.csv(root.resolve("exports/focus/part_1_0001.csv.gz"), true, false, header, zipped);
        String tenant = newTenant();
        String source = addSource(tenant, "azure", "file://" + root + "/exports/focus/");

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(run.path("files").asInt()).isEqualTo(2);
        assertThat(rows(source)).isEqualTo(120);
        assertThat(sum(source, "billed_cost").toPlainString()).isEqualTo(expected.toPlainString());
        assertThat(jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid AND list_cost IS NULL")
                .param(source).query(Long.class).single()).as("NULL literal and empty field are null").isEqualTo(120);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid AND tags->>'team' = 'web'")
                .param(source).query(Long.class).single()).isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid AND tags->>'team' = 'data'")
                .param(source).query(Long.class).single()).as("tags without braces").isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid AND extra->>'x_ResourceGroupName' = 'rg-1'")
                .param(source).query(Long.class).single()).isEqualTo(60);
        assertThat(jdbc.sql("SELECT min(charge_period_start)::text FROM billing_rows WHERE source_id = ?::uuid")
                .param(source).query(String.class).single()).isEqualTo(LAST_MONTH.atDay(1) + " 00:00:00+00");
    }

    @Test
    void gcpParquetWithArrayTagsDecimalsAndLowercaseCategories() throws Exception {
        Path root = tempDir("gcp-");
        List<Map<String, Object>> rows = new ArrayList<>();
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal list = BigDecimal.ZERO;
        BigDecimal contracted = BigDecimal.ZERO;
        for (int i = 0; i < 300; i++) {
            BigDecimal b = new BigDecimal("0.000000001").multiply(BigDecimal.valueOf(123_456_789L * (i + 1))).add(new BigDecimal("-0.5"));
            BigDecimal l = new BigDecimal("10.123456").add(BigDecimal.valueOf(i));
            BigDecimal c = new BigDecimal("3.1415").multiply(BigDecimal.valueOf(i));
            billed = billed.add(b);
            list = list.add(l);
            contracted = contracted.add(c);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("BilledCost", b);
            r.put("EffectiveCost", b);
            r.put("ListCost", l);
            r.put("ContractedCost", c);
            r.put("BillingAccountId", "0123AB-CDEF45");
            r.put("BillingCurrency", "USD");
            // GCP computes invoice months in America/Los_Angeles: the period starts at 08:00 UTC.
            r.put("BillingPeriodStart", start(LAST_MONTH).plusSeconds(8 * 3600));
            r.put("BillingPeriodEnd", start(THIS_MONTH).plusSeconds(8 * 3600));
            r.put("ChargeCategory", i % 10 == 0 ? "credit" : "usage");
            r.put("ChargePeriodStart", day(LAST_MONTH, 1 + i % 28));
            r.put("ChargePeriodEnd", day(LAST_MONTH, 2 + i % 27));
            r.put("ProviderName", "Google Cloud");
            r.put("ServiceName", "Compute Engine");
            r.put("SubAccountId", "project-" + i % 5);
            r.put("RegionId", "europe-west1");
            r.put("Tags", List.of(Map.of("key", " team", "value", "ml", "x_inherited", false, "x_namespace", ""),
                    Map.of("key", "env ", "value", "prod", "x_inherited", true, "x_namespace", "")));
            r.put("x_CostType", "regular");
            r.put("x_Project", Map.of("id", "project-" + i % 5, "name", "Project " + i % 5));
            rows.add(r);
        }
        ExportFixtures.parquet(root.resolve("billing/focus-000000000000.parquet"), ExportFixtures.GCP_SCHEMA,
                rows.subList(0, 150), CompressionCodecName.ZSTD);
        ExportFixtures.parquet(root.resolve("billing/focus-000000000001.parquet"), ExportFixtures.GCP_SCHEMA,
                rows.subList(150, 300), CompressionCodecName.GZIP);
        ExportFixtures.csv(root.resolve("billing/_SUCCESS"), false, false, List.of("not data"), List.of());
        String tenant = newTenant();
        String source = addSource(tenant, "gcp", "file://" + root + "/billing/*");

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(run.path("files").asInt()).as("_SUCCESS is not data").isEqualTo(2);
        assertThat(sum(source, "billed_cost").toPlainString()).isEqualTo(billed.toPlainString());
        assertThat(sum(source, "list_cost").toPlainString()).isEqualTo(list.toPlainString());
        assertThat(sum(source, "contracted_cost").toPlainString()).isEqualTo(contracted.setScale(4).toPlainString());
        assertThat(jdbc.sql("SELECT string_agg(DISTINCT charge_category, ',' ORDER BY charge_category) FROM billing_rows WHERE source_id = ?::uuid")
                .param(source).query(String.class).single()).isEqualTo("Credit,Usage");
        assertThat(jdbc.sql("SELECT DISTINCT tags::text FROM billing_rows WHERE source_id = ?::uuid")
                .param(source).query(String.class).list()).containsExactly("{\"env\": \"prod\", \"team\": \"ml\"}");
        assertThat(jdbc.sql("SELECT DISTINCT billing_period::text FROM billing_rows WHERE source_id = ?::uuid")
                .param(source).query(String.class).list()).containsExactly(LAST_MONTH.atDay(1).toString());
        assertThat(jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid AND extra->'x_Project'->>'id' = 'project-1'")
                .param(source).query(Long.class).single()).isEqualTo(60);
    }

    @Test
    void conformanceFindingsAreWarningsWithCountsAndSamplesNotErrors() throws Exception {
        Path root = tempDir("warnings-");
        String ps = LAST_MONTH.atDay(1) + "T00:00:00Z";
        ExportFixtures.csv(root.resolve("a.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ChargeCategory", "ListCost"),
                List.of(List.of("1", "USD", ps, ps, "Usage", "1"),
                        List.of("2", "EUR", ps, ps, "Refund", "-2"),
                        List.of("3", "USD", ps, ps, "Refund", "3"),
                        List.of("4", "USD", ps, ps, "tax", "-4")));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + root + "/");

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).isEqualTo("ok");
        Map<String, JsonNode> warnings = new LinkedHashMap<>();
        run.path("warnings").forEach(w -> warnings.put(w.path("code").asString(), w));
        assertThat(warnings).containsOnlyKeys("UNKNOWN_CHARGE_CATEGORY", "NEGATIVE_LIST_COST", "MIXED_CURRENCIES");
        assertThat(warnings.get("UNKNOWN_CHARGE_CATEGORY").path("count").asLong()).isEqualTo(2);
        assertThat(warnings.get("UNKNOWN_CHARGE_CATEGORY").path("samples").get(0).path("row").asLong()).isEqualTo(2);
        assertThat(warnings.get("UNKNOWN_CHARGE_CATEGORY").path("samples").get(0).path("value").isNull())
                .as("where, never the file's own text").isTrue();
        assertThat(warnings.get("UNKNOWN_CHARGE_CATEGORY").path("samples").get(0).path("file").asString())
                .isEqualTo("file://" + root.resolve("a.csv"));
        assertThat(warnings.get("NEGATIVE_LIST_COST").path("count").asLong()).isEqualTo(2);
        assertThat(warnings.get("MIXED_CURRENCIES").path("message").asString()).contains("[EUR, USD]");
        assertThat(jdbc.sql("SELECT charge_category FROM billing_rows WHERE source_id = ?::uuid AND billed_cost = 4")
                .param(source).query(String.class).single()).isEqualTo("Tax");
    }

    @Test
    void focusOnePointTwoAndOnePointThreeAndPreviewNamesMapToOneModel() throws Exception {
        Path root = tempDir("focus-versions-");
        String ps = LAST_MONTH.atDay(1) + "T00:00:00Z";
        String cs = LAST_MONTH.atDay(3) + " 00:00:00";
        // FOCUS 1.2, Glue-style lowercase names.
        ExportFixtures.csv(root.resolve("v12/a.csv"), false, false,
                List.of("billedcost", "billingcurrency", "billingperiodstart", "chargeperiodstart", "invoiceid",
                        "pricingcurrency", "pricingcurrencyeffectivecost", "effectivecost"),
                List.of(List.of("10.50", "USD", ps, cs, "INV-1", "EUR", "9.75", "10.25"),
                        List.of("0.05", "USD", ps, cs, "INV-1", "EUR", "0.04", "0.05")));
        // FOCUS 1.3: service and host provider next to the deprecated provider and publisher.
        ExportFixtures.csv(root.resolve("v13/b.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ServiceProviderName",
                        "HostProviderName", "ProviderName", "PublisherName"),
                List.of(List.of("1.000000000000000001", "USD", ps, cs, "Snowflake", "AWS", "Snowflake", "Snowflake")));
        // FOCUS 1.0-preview names.
        ExportFixtures.csv(root.resolve("preview/c.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "AmortizedCost",
                        "ChargeType", "Region", "UsageQuantity", "UsageUnit"),
                List.of(List.of("2", "USD", ps, cs, "1.5", "Purchase", "westeurope", "3.25", "Hours")));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + root + "/**/*.csv");

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(sum(source, "billed_cost").toPlainString()).isEqualTo("13.550000000000000001");
        assertThat(sum(source, "effective_cost").toPlainString()).isEqualTo("11.80");
        assertThat(sum(source, "pricing_currency_effective_cost").toPlainString()).isEqualTo("9.79");
        Map<String, Object> v13 = jdbc.sql("SELECT service_provider_name, host_provider_name, provider_name FROM billing_rows"
                + " WHERE source_id = ?::uuid AND service_provider_name IS NOT NULL").param(source).query().singleRow();
        assertThat(v13).containsEntry("service_provider_name", "Snowflake").containsEntry("host_provider_name", "AWS");
        Map<String, Object> preview = jdbc.sql("SELECT charge_category, region_id, consumed_quantity::text AS q, consumed_unit"
                + " FROM billing_rows WHERE source_id = ?::uuid AND region_id IS NOT NULL").param(source).query().singleRow();
        assertThat(preview).containsEntry("charge_category", "Purchase").containsEntry("region_id", "westeurope")
                .containsEntry("q", "3.25").containsEntry("consumed_unit", "Hours");
        assertThat(jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid AND invoice_id = 'INV-1'")
                .param(source).query(Long.class).single()).isEqualTo(2);
    }
}
