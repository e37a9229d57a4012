package com.stategraph.billing.demo;

import com.stategraph.billing.format.ParquetFileWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A small, realistic three-cloud export for the demo: AWS-shaped Parquet with map tags, an
 * Azure-shaped CSV with JSON tags and x_ columns, GCP-shaped Parquet with an array of key/value
 * tags and lowercase categories; daily rows for the last months up to today, tagged with
 * {@code team}, {@code env} and {@code owner}. The same day always gives the same files, so a
 * second run rewrites identical data.
 */
public final class SampleExport {
    public static final int MONTHS = 3;

    private static final String[] TEAMS = {"payments", "search", "platform", "data"};
    private static final String[] ENVS = {"prod", "staging", "dev"};
    private static final String[] OWNERS = {"ana@example.com", "li@example.com", "sam@example.com"};

    private static final List<String> AZURE_HEADER = List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost",
            "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodStart", "BillingPeriodEnd",
            "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "ProviderName", "PublisherName", "InvoiceIssuerName",
            "ServiceName", "ServiceCategory", "SubAccountId", "SubAccountName", "RegionId", "ResourceId", "Tags",
            "x_ResourceGroupName", "x_SkuMeterCategory");

    private record Service(String name, String category, double dailyBase) {
    }

    private static final Service[] AWS = {new Service("Amazon Elastic Compute Cloud", "Compute", 42),
            new Service("Amazon Simple Storage Service", "Storage", 9), new Service("Amazon Relational Database Service", "Databases", 23),
            new Service("AWS Lambda", "Compute", 3), new Service("Amazon CloudFront", "Networking", 5)};
    private static final Service[] AZURE = {new Service("Virtual Machines", "Compute", 31),
            new Service("Storage", "Storage", 6), new Service("Azure Cosmos DB", "Databases", 14)};
    private static final Service[] GCP = {new Service("Compute Engine", "Compute", 27),
            new Service("BigQuery", "Analytics", 12), new Service("Cloud Storage", "Storage", 4)};

    /** What the planted spike costs, in USD. */
    static final double SPIKE_COST = 140.0;

    private SampleExport() {
    }

    /**
     * Sample monthly EUR/USD rates for the export's months (labelled {@code sample} where stored), so
     * the Azure part, billed in EUR, converts out of the box.
     */
    public static Map<YearMonth, BigDecimal> eurUsd(LocalDate today) {
        Map<YearMonth, BigDecimal> rates = new LinkedHashMap<>();
        YearMonth first = YearMonth.from(today).minusMonths(MONTHS - 1L);
        for (int i = 0; i < MONTHS; i++) {
            rates.put(first.plusMonths(i), new BigDecimal("1.0800").add(new BigDecimal("0.0075").multiply(BigDecimal.valueOf(i))));
        }
        return rates;
    }

    /** The day of the one planted anomaly: recent enough to be active, not the last day, which is still being billed. */
    public static LocalDate spikeDay(LocalDate today) {
        return today.minusDays(3);
    }

    /** The first directory holds the files; returns the URIs of the three sources, by provider. */
    public static Map<String, String> write(Path dir, LocalDate today) throws IOException {
        YearMonth first = YearMonth.from(today).minusMonths(MONTHS - 1L);
        for (YearMonth m = first; !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            int lastDay = m.equals(YearMonth.from(today)) ? today.getDayOfMonth() : m.lengthOfMonth();
            writeAws(dir.resolve("aws/focus/data/BILLING_PERIOD=" + m + "/focus-00001.snappy.parquet"), m, lastDay, spikeDay(today));
            writeAzure(dir.resolve("azure/focus/" + m.toString().replace("-", "") + "/part_0_0001.csv"), m, lastDay);
            writeGcp(dir.resolve("gcp/focus/focus-" + m.toString().replace("-", "") + "-000000000000.parquet"), m, lastDay);
        }
        Map<String, String> uris = new LinkedHashMap<>();
        uris.put("aws", "file://" + dir.toAbsolutePath() + "/aws/focus/data/**/*.parquet");
        uris.put("azure", "file://" + dir.toAbsolutePath() + "/azure/focus/**/*.csv");
        uris.put("gcp", "file://" + dir.toAbsolutePath() + "/gcp/focus/*.parquet");
        return uris;
    }

    /** A resource's tags: the same every day, as real resources keep theirs; every value is used. */
    private static Map<String, String> tags(String provider, Service service, int i) {
        int k = Math.floorMod((provider + service.name()).hashCode(), 97) + i;
        Map<String, String> t = new LinkedHashMap<>();
        t.put("team", TEAMS[k % TEAMS.length]);
        t.put("env", ENVS[i % ENVS.length]);
        if (k % 5 > 0) {
            t.put("owner", OWNERS[k % OWNERS.length]);
        }
        return t;
    }

    private static Instant at(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static double cost(Random r, double base) {
        return Math.round(base * (0.6 + r.nextDouble() * 0.8) * 1e6) / 1e6;
    }

    private static void writeAws(Path file, YearMonth m, int lastDay, LocalDate spikeDay) throws IOException {
        Random r = new Random(m.hashCode() * 31L + 1);
        Files.createDirectories(file.getParent());
        try (ParquetFileWriter w = new ParquetFileWriter(file, ExportSchemas.AWS, CompressionCodecName.SNAPPY)) {
            for (int day = 1; day <= lastDay; day++) {
                LocalDate d = m.atDay(day);
                for (Service s : AWS) {
                    for (int i = 0; i < DemoResources.PER_SERVICE; i++) {
                        double billed = cost(r, s.dailyBase() / DemoResources.PER_SERVICE);
                        Map<String, Object> row = awsRow(m, d, s, i, billed);
                        row.put("ConsumedQuantity", Math.round(r.nextDouble() * 24 * 1000) / 1000.0);
                        row.put("Tags", tags("aws", s, i));
                        w.write(row);
                    }
                }
                if (d.equals(spikeDay)) {
                    w.write(spike(m, d));
                }
            }
        }
    }

    /**
     * The one anomaly the demo plants: an instance that sent 1.6 TB out to the internet in a day,
     * untagged, as data transfer lines often are.
     */
    private static Map<String, Object> spike(YearMonth m, LocalDate d) {
        Map<String, Object> row = awsRow(m, d, AWS[0], 0, SPIKE_COST);
        row.put("ConsumedQuantity", Math.round(SPIKE_COST / 0.09 * 1000) / 1000.0);
        row.put("ConsumedUnit", "GB");
        row.put("Tags", Map.of());
        row.put("x_UsageType", "DataTransfer-Out-Bytes");
        return row;
    }

    private static Map<String, Object> awsRow(YearMonth m, LocalDate d, Service s, int i, double billed) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("BilledCost", billed);
        row.put("EffectiveCost", billed);
        row.put("ListCost", Math.round(billed * 1.18 * 1e6) / 1e6);
        row.put("ContractedCost", billed);
        row.put("BillingAccountId", "111122223333");
        row.put("BillingAccountName", "Acme Payer");
        row.put("BillingCurrency", "USD");
        row.put("BillingPeriodStart", at(m.atDay(1)));
        row.put("BillingPeriodEnd", at(m.plusMonths(1).atDay(1)));
        row.put("ChargePeriodStart", at(d));
        row.put("ChargePeriodEnd", at(d.plusDays(1)));
        row.put("ChargeCategory", "Usage");
        row.put("ChargeFrequency", "Usage-Based");
        row.put("ProviderName", "AWS");
        row.put("PublisherName", "AWS");
        row.put("InvoiceIssuerName", "AWS");
        row.put("ServiceName", s.name());
        row.put("ServiceCategory", s.category());
        String account = DemoResources.account(i);
        row.put("SubAccountId", account);
        row.put("SubAccountName", "acme-" + ENVS[i % 3]);
        row.put("RegionId", DemoResources.region(i));
        row.put("ResourceId", DemoResources.resourceId(s.name(), i));
        row.put("ConsumedUnit", "Hours");
        row.put("x_ServiceCode", s.name().replace(" ", ""));
        row.put("x_UsageType", "BoxUsage");
        return row;
    }

    private static void writeAzure(Path file, YearMonth m, int lastDay) throws IOException {
        Random r = new Random(m.hashCode() * 31L + 2);
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", AZURE_HEADER) + "\r\n");
            String ps = m.atDay(1) + "T00:00Z";
            String pe = m.plusMonths(1).atDay(1) + "T00:00Z";
            for (int day = 1; day <= lastDay; day++) {
                LocalDate d = m.atDay(day);
                for (Service s : AZURE) {
                    for (int i = 0; i < 5; i++) {
                        BigDecimal billed = BigDecimal.valueOf(cost(r, s.dailyBase() / 5)).setScale(6, RoundingMode.HALF_UP);
                        Map<String, String> t = tags("azure", s, i);
                        StringBuilder tagJson = new StringBuilder("{");
                        t.forEach((k, v) -> tagJson.append(tagJson.length() > 1 ? "," : "").append("\"\"").append(k)
                                .append("\"\":\"\"").append(v).append("\"\""));
                        tagJson.append('}');
                        String sub = "sub-" + (i % 2 == 0 ? "prod" : "nonprod");
                        w.write(String.join(",", billed.toPlainString(), billed.toPlainString(),
                                billed.multiply(new BigDecimal("1.1")).setScale(6, RoundingMode.HALF_UP).toPlainString(),
                                billed.toPlainString(), "8611537", "Acme EA", "EUR", ps, pe, d + "T00:00Z",
                                d.plusDays(1) + "T00:00Z", "Usage", "Microsoft", "Microsoft", "Microsoft",
                                "\"" + s.name() + "\"", s.category(), sub, sub, "westeurope",
                                "/subscriptions/" + sub + "/resourceGroups/rg-" + i + "/providers/x/" + i,
                                "\"" + tagJson + "\"", "rg-" + i, s.category()) + "\r\n");
                    }
                }
            }
        }
    }

    private static void writeGcp(Path file, YearMonth m, int lastDay) throws IOException {
        Random r = new Random(m.hashCode() * 31L + 3);
        Files.createDirectories(file.getParent());
        // GCP bills by invoice month in America/Los_Angeles: the period starts at 08:00 UTC.
        Instant periodStart = at(m.atDay(1)).plusSeconds(8 * 3600);
        Instant periodEnd = at(m.plusMonths(1).atDay(1)).plusSeconds(8 * 3600);
        try (ParquetFileWriter w = new ParquetFileWriter(file, ExportSchemas.GCP, CompressionCodecName.ZSTD)) {
            for (int day = 1; day <= lastDay; day++) {
                LocalDate d = m.atDay(day);
                for (Service s : GCP) {
                    for (int i = 0; i < 5; i++) {
                        BigDecimal billed = BigDecimal.valueOf(cost(r, s.dailyBase() / 5)).setScale(9, RoundingMode.HALF_UP);
                        List<Map<String, Object>> tags = new ArrayList<>();
                        tags("gcp", s, i).forEach((k, v) -> tags.add(Map.of("key", k, "value", v, "x_inherited", false)));
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("BilledCost", billed);
                        row.put("EffectiveCost", billed);
                        row.put("ListCost", billed.multiply(new BigDecimal("1.25")).setScale(6, RoundingMode.HALF_UP));
                        row.put("ContractedCost", billed.setScale(4, RoundingMode.HALF_UP));
                        row.put("BillingAccountId", "01A2B3-C4D5E6-F7A8B9");
                        row.put("BillingCurrency", "USD");
                        row.put("BillingPeriodStart", periodStart);
                        row.put("BillingPeriodEnd", periodEnd);
                        row.put("ChargePeriodStart", at(d));
                        row.put("ChargePeriodEnd", at(d.plusDays(1)));
                        row.put("ChargeCategory", "usage");
                        row.put("ProviderName", "Google Cloud");
                        row.put("PublisherName", "Google Cloud");
                        row.put("InvoiceIssuerName", "Google Cloud");
                        row.put("ServiceName", s.name());
                        row.put("ServiceCategory", s.category());
                        row.put("SubAccountId", "acme-" + ENVS[i % 3]);
                        row.put("SubAccountName", "Acme " + ENVS[i % 3]);
                        row.put("RegionId", i % 2 == 0 ? "us-central1" : "europe-west1");
                        row.put("Tags", tags);
                        row.put("x_CostType", "regular");
                        w.write(row);
                    }
                }
            }
        }
    }
}
