package com.stategraph.billing.bench;

import com.stategraph.billing.format.ParquetFileWriter;
import com.stategraph.billing.demo.ExportSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * N rows in the shape of an AWS "FOCUS 1.0 with AWS columns" export: Parquet (snappy), DOUBLE
 * costs, map tags, x_ columns, in files of at most a million rows, spread over the last two months;
 * one resource per 200 rows, each in one account, region and service.
 */
final class BenchRows {
    static final int ROWS_PER_FILE = 1_000_000;
    /** Changes when the generated rows change, so files written by an older generator are not reused. */
    static final String VERSION = "v2";

    private static final String[] SERVICES = {"Amazon Elastic Compute Cloud", "Amazon Simple Storage Service",
            "Amazon Relational Database Service", "AWS Lambda", "Amazon CloudFront", "Amazon DynamoDB",
            "Amazon Elastic Kubernetes Service", "Amazon CloudWatch"};
    private static final String[] CATEGORIES = {"Compute", "Storage", "Databases", "Compute", "Networking", "Databases",
            "Compute", "Management and Governance"};
    private static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"};
    private static final String[] TEAMS = {"payments", "search", "platform", "data", "web", "mobile"};
    private static final String[] ENVS = {"prod", "staging", "dev"};

    static final long DEFAULT_SEED = 42;

    private BenchRows() {
    }

    /** Writes the files into {@code dir}; returns them. Another {@code seed} gives other rows of the same shape. */
    static List<Path> write(Path dir, long rows, long seed) throws IOException {
        return write(dir, rows, seed, null, "focus-export", 0);
    }

    static List<Path> write(Path dir, long rows, long seed, YearMonth onlyMonth, String prefix) throws IOException {
        return write(dir, rows, seed, onlyMonth, prefix, 0);
    }

    /**
     * As {@link #write(Path, long, long)}, all rows in {@code onlyMonth} (null: the last two months), in
     * files named {@code <prefix>-NNNNN.snappy.parquet}: as an export that writes each billing period's files apart.
     */
    /**
     * @param distinctResources 0: one resource per 200 rows, drawn at random; else this many resources, line after line in
     *     turn (so as many distinct ones as lines, up to it), each with tags of its own, as autoscaling instances,
     *     containers and functions give
     */
    static List<Path> write(Path dir, long rows, long seed, YearMonth onlyMonth, String prefix, long distinctResources)
            throws IOException {
        return write(dir, rows, seed, onlyMonth, prefix, distinctResources, seed);
    }

    /**
     * @param costSeed another seed than {@code seed}: the same lines (resources, days, tags, SKUs) with other
     *     quantities and prices, as a daily re-sync of an export sees them
     */
    static List<Path> write(Path dir, long rows, long seed, YearMonth onlyMonth, String prefix, long distinctResources,
                            long costSeed) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom costs = costSeed == seed ? null : new SplittableRandom(costSeed);
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        List<Map<String, String>> tagSets = new ArrayList<>();
        for (String team : TEAMS) {
            for (String env : ENVS) {
                tagSets.add(Map.of("team", team, "env", env, "owner", team + "-lead@example.com"));
            }
        }
        long written = 0;
        long resources = distinctResources > 0 ? distinctResources : resourcesFor(rows);
        // Lines of distinct resources compress less: smaller files keep each row group near what exports write (128 MB).
        int rowsPerFile = distinctResources > 0 ? ROWS_PER_FILE / 4 : ROWS_PER_FILE;
        for (int part = 0; written < rows; part++) {
            Path file = dir.resolve(String.format("%s-%05d.snappy.parquet", prefix, part + 1));
            try (ParquetFileWriter w = new ParquetFileWriter(file, ExportSchemas.AWS, CompressionCodecName.SNAPPY)) {
                Map<String, Object> r = new HashMap<>();
                for (int i = 0; i < rowsPerFile && written < rows; i++, written++) {
                    YearMonth month = onlyMonth != null ? onlyMonth : random.nextInt(3) == 0 ? thisMonth : thisMonth.minusMonths(1);
                    int days = month.equals(thisMonth) ? Math.max(1, LocalDate.now(ZoneOffset.UTC).getDayOfMonth()) : month.lengthOfMonth();
                    LocalDate day = month.atDay(1 + random.nextInt(days));
                    // A resource keeps its account, region and service across its rows, as in a real export.
                    long resource = distinctResources > 0 ? written % resources : random.nextLong(resources);
                    int s = (int) (resource / 7 % SERVICES.length);
                    double quantity = Math.round(random.nextDouble() * 24_000) / 1000.0;
                    double price = Math.round(random.nextDouble() * 2_000_000) / 1_000_000.0;
                    if (costs != null) { // drawn from the lines' own stream too, so the rest of each line stays as it was
                        quantity = Math.round(costs.nextDouble() * 24_000) / 1000.0;
                        price = Math.round(costs.nextDouble() * 2_000_000) / 1_000_000.0;
                    }
                    double cost = Math.round(quantity * price * 1e8) / 1e8;
                    String account = "4444555566" + (10 + resource % 40);
                    String region = REGIONS[(int) (resource / 40 % REGIONS.length)];
                    r.put("AvailabilityZone", region + "a");
                    r.put("BilledCost", cost);
                    r.put("BillingAccountId", "111122223333");
                    r.put("BillingAccountName", "Acme Payer");
                    r.put("BillingCurrency", "USD");
                    r.put("BillingPeriodStart", instant(month.atDay(1)));
                    r.put("BillingPeriodEnd", instant(month.plusMonths(1).atDay(1)));
                    r.put("ChargeCategory", "Usage");
                    r.put("ChargeDescription", SERVICES[s] + " usage in " + region);
                    r.put("ChargeFrequency", "Usage-Based");
                    r.put("ChargePeriodStart", instant(day));
                    r.put("ChargePeriodEnd", instant(day.plusDays(1)));
                    r.put("ConsumedQuantity", quantity);
                    r.put("ConsumedUnit", "Hours");
                    r.put("ContractedCost", cost);
                    r.put("EffectiveCost", cost);
                    r.put("InvoiceIssuerName", "AWS");
                    r.put("ListCost", Math.round(cost * 1.2 * 1e8) / 1e8);
                    r.put("ListUnitPrice", price);
                    r.put("PricingCategory", "Standard");
                    r.put("PricingQuantity", quantity);
                    r.put("PricingUnit", "Hours");
                    r.put("ProviderName", "AWS");
                    r.put("PublisherName", "AWS");
                    r.put("RegionId", region);
                    r.put("RegionName", region);
                    r.put("ResourceId", "arn:aws:ec2:" + region + ":" + account + ":instance/" + instanceId(resource));
                    r.put("ResourceType", "Instance");
                    r.put("ServiceCategory", CATEGORIES[s]);
                    r.put("ServiceName", SERVICES[s]);
                    r.put("SkuId", "SKU" + random.nextInt(500));
                    r.put("SkuPriceId", "SKU" + random.nextInt(500) + ".JRTCKXETXF");
                    r.put("SubAccountId", account);
                    r.put("SubAccountName", "acme-" + account.substring(10));
                    Map<String, String> tags = tagSets.get(random.nextInt(tagSets.size()));
                    if (distinctResources > 0) {
                        tags = new HashMap<>(tags);
                        tags.put("service", "svc-" + Long.toString(resource, 36));
                    }
                    r.put("Tags", tags);
                    r.put("x_Operation", "RunInstances");
                    r.put("x_ServiceCode", "AmazonEC2");
                    r.put("x_UsageType", "BoxUsage:m5.large");
                    w.write(r);
                }
            }
            files.add(file);
        }
        return files;
    }

    /** The EC2 instance id of resource number {@code resource}: its rows' ResourceId is the ARN that ends with it. */
    static String instanceId(long resource) {
        return "i-" + String.format("%012x", resource * 0x9E3779B1L & 0xFFFFFFFFFFFFL);
    }

    /**
     * About 200 rows per resource over the two months: an instance billed daily for a few usage
     * types, as a daily FOCUS export bills it.
     */
    static long resourcesFor(long rows) {
        return Math.max(1_000, rows / 200);
    }

    private static Instant instant(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Where {@code rows} rows of this generator's version are kept under {@code work}. */
    static Path dir(Path work, long rows) {
        return dir(work, rows, DEFAULT_SEED);
    }

    private static Path dir(Path work, long rows, long seed) {
        return work.resolve("data-" + VERSION + "-" + rows + (seed == DEFAULT_SEED ? "" : "-seed" + seed));
    }

    /**
     * Last month's {@code rows} lines over {@code distinct} resources, each with tags of its own, the costs drawn with
     * {@code costSeed}, under {@code work} as {@code <prefix>-...}: written once and reused by later runs.
     */
    static Path ensureHighCardinality(Path work, String prefix, long rows, long distinct, long costSeed) throws IOException {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        Path dir = work.resolve(prefix + "-" + VERSION + "-high-cardinality-" + rows + "-" + distinct
                + (costSeed == DEFAULT_SEED ? "" : "-costs" + costSeed) + "-" + month);
        if (!Files.exists(dir.resolve("_COMPLETE"))) {
            System.err.println("[bench] generating " + rows + " lines over " + distinct + " resources (costs seed " + costSeed + ")");
            write(dir, rows, DEFAULT_SEED, month, "focus-export", distinct, costSeed);
            Files.writeString(dir.resolve("_COMPLETE"), String.valueOf(rows));
        }
        return dir;
    }

    /** The {@code rows} AWS-shaped rows under {@code work}, written once and reused by later runs. */
    static Path ensure(Path work, long rows) throws IOException {
        return ensure(work, rows, DEFAULT_SEED);
    }

    /** As {@link #ensure(Path, long)}, other rows of the same shape for another {@code seed}. */
    static Path ensure(Path work, long rows, long seed) throws IOException {
        Path data = dir(work, rows, seed);
        if (!Files.exists(data.resolve("_COMPLETE"))) {
            System.err.println("[bench] generating " + rows + " rows of AWS-shaped Parquet (seed " + seed + ")");
            write(data, rows, seed);
            Files.writeString(data.resolve("_COMPLETE"), String.valueOf(rows));
        }
        return data;
    }
}
