package com.stategraph.billing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;

/**
 * Loading a price book of cloud-pricing-api's size (3.6 million products, generated in its CSV
 * format, gzipped) through {@code POST /api/v1/pricing/products} into a server at -Xmx512m, against
 * PostgreSQL's own CSV COPY of the same file into a plain table, measured in the same run. Writes
 * its section of docs/benchmarks.md.
 */
public final class PricingBenchmark {
    private static final String[] AWS_REGIONS = {"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-south-1",
            "ap-southeast-2", "sa-east-1"};
    private static final String[] AWS_SERVICES = {"AmazonEC2", "AmazonRDS", "AmazonS3", "AmazonElastiCache", "AWSLambda", "AmazonEKS"};
    private static final String[] FAMILIES = {"Compute Instance", "Storage", "Database Instance", "Data Transfer", "IP Address",
            "Load Balancer", "Cache Instance", "Serverless"};
    private static final String[] INSTANCE_TYPES = {"t3.micro", "t3.small", "m5.large", "m5.xlarge", "c6i.2xlarge", "r6g.4xlarge",
            "db.t3.small", "cache.m6g.large"};

    record Measure(double seconds, long peakRss, long peakLive) {
    }

    /** A state's estimate: how long from the push to its snapshot, for how many instances. */
    record Estimate(int instances, double pushSeconds, double estimateSeconds, String monthlyCost) {
    }

    /** Instances of the benchmark's state: every third with an extra EBS volume, over the book's regions and types. */
    static final int STATE_INSTANCES = 10_000;

    public static void main(String[] args) throws Exception {
        long products = 3_600_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--products")) {
                products = Long.parseLong(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + " (options: --products N)");
            }
        }
        Path work = Path.of("bench/out");
        Files.createDirectories(work);
        Path file = ensure(work, products);
        Measure load;
        double baseline;
        long stored;
        Estimate estimate;
        try (EmbeddedPostgres pg = BenchServer.durablePostgres().start();
             BenchServer server = BenchServer.start(work, "pricing-server", pg, Map.of())) {
            load = load(server, file, products);
            estimate = estimate(server);
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                var rs = st.executeQuery("SELECT pg_total_relation_size('pricing.products')");
                rs.next();
                stored = rs.getLong(1);
            }
            baseline = copyBaseline(pg, file, products);
        }
        report(products, Files.size(file), load, baseline, stored, estimate);
    }

    /** The generated dump under {@code work}, written once and reused by later runs. */
    private static Path ensure(Path work, long products) throws Exception {
        Path file = work.resolve("pricing-v1-" + products + ".csv.gz");
        if (Files.exists(file)) {
            return file;
        }
        log("generating " + products + " products");
        Path partial = work.resolve(file.getFileName() + ".partial");
        SplittableRandom random = new SplittableRandom(7);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            w.write("productHash,sku,vendorName,region,service,productFamily,attributes,prices\n");
            for (long i = 0; i < products; i++) {
                int v = random.nextInt(20);
                String vendor = v < 12 ? "aws" : v < 17 ? "azure" : "gcp";
                String region = AWS_REGIONS[random.nextInt(AWS_REGIONS.length)];
                String service = AWS_SERVICES[random.nextInt(AWS_SERVICES.length)];
                String family = FAMILIES[random.nextInt(FAMILIES.length)];
                String hash = hex(random.nextLong()) + hex(random.nextLong());
                String attributes = "{\"\"instanceType\"\": \"\"" + INSTANCE_TYPES[random.nextInt(INSTANCE_TYPES.length)]
                        + "\"\", \"\"operatingSystem\"\": \"\"Linux\"\", \"\"tenancy\"\": \"\"Shared\"\", \"\"capacitystatus\"\": \"\"Used\"\","
                        + " \"\"preInstalledSw\"\": \"\"NA\"\", \"\"licenseModel\"\": \"\"No License required\"\", \"\"usagetype\"\": \"\"BoxUsage:"
                        + i % 9973 + "\"\", \"\"operation\"\": \"\"RunInstances\"\", \"\"locationType\"\": \"\"AWS Region\"\"}";
                String price = String.format(Locale.ROOT, "%d.%010d", random.nextInt(5), random.nextLong(10_000_000_000L));
                String prices = "{\"\"" + hash + "-od\"\": [{\"\"priceHash\"\": \"\"" + hash + "-od\"\", \"\"purchaseOption\"\": \"\"on_demand\"\","
                        + " \"\"unit\"\": \"\"Hrs\"\", \"\"USD\"\": \"\"" + price + "\"\", \"\"effectiveDateStart\"\": \"\"2024-06-01T00:00:00Z\"\","
                        + " \"\"startUsageAmount\"\": \"\"0\"\", \"\"endUsageAmount\"\": \"\"Inf\"\", \"\"description\"\": \"\"$" + price
                        + " per On Demand Linux instance hour\"\"}]}";
                w.write(hash + ",SKU" + hex(random.nextLong()).substring(0, 12).toUpperCase(Locale.ROOT) + "," + vendor + "," + region
                        + "," + service + ",\"" + family + "\",\"" + attributes + "\",\"" + prices + "\"\n");
            }
        }
        Files.move(partial, file);
        return file;
    }

    private static String hex(long value) {
        return String.format("%016x", value);
    }

    /** The dump posted as a stream, the server's memory sampled meanwhile (a full GC every 2 s for its live heap). */
    private static Measure load(BenchServer server, Path file, long products) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        long[] peaks = new long[2];
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                try {
                    ServerMemory.forceFullGc(server.pid());
                    peaks[1] = Math.max(peaks[1], ServerMemory.sum(ServerMemory.HEAP, server.text("/actuator/prometheus")));
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the next sample
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<String> response = server.http().send(server.request("/api/v1/pricing/products")
                .header("Content-Type", "application/gzip").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        done.set(true);
        sampler.interrupt();
        sampler.join();
        peaks[0] = ServerMemory.peakRss(server.pid());
        JsonNode book = BenchServer.JSON.readTree(response.body());
        if (response.statusCode() != 200 || book.path("products").asLong() != products) {
            throw new IllegalStateException("the load failed: " + response.statusCode() + " " + response.body());
        }
        log(String.format(Locale.ROOT, "loaded %d products in %.1f s, peak RSS %d MiB, live heap %d MiB", products, seconds,
                peaks[0] >> 20, peaks[1] >> 20));
        return new Measure(seconds, peaks[0], peaks[1]);
    }

    /**
     * A state of {@link #STATE_INSTANCES} EC2 instances (root volumes, and an EBS volume for every
     * third) pushed once the book is loaded, timed until its estimate snapshot can be read.
     */
    private static Estimate estimate(BenchServer server) throws Exception {
        String tenant = server.post("/api/v1/tenants", Map.of("name", "estimates")).path("id").asString();
        StringBuilder state = new StringBuilder("{\"version\": 4, \"terraform_version\": \"1.9.8\", \"serial\": 1,"
                + " \"lineage\": \"bench\", \"outputs\": {}, \"resources\": [");
        for (int i = 0; i < STATE_INSTANCES; i++) {
            String region = AWS_REGIONS[i % AWS_REGIONS.length];
            String type = INSTANCE_TYPES[i % 6];
            state.append(i == 0 ? "" : ",").append("{\"mode\": \"managed\", \"type\": \"aws_instance\", \"name\": \"web").append(i)
                    .append("\", \"provider\": \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\", \"instances\": [{")
                    .append("\"schema_version\": 1, \"attributes\": {\"id\": \"i-").append(i).append("\", \"instance_type\": \"")
                    .append(type).append("\", \"region\": \"").append(region).append("\", \"tags_all\": {\"team\": \"t")
                    .append(i % 7).append("\"}, \"root_block_device\": [{\"volume_type\": \"gp3\", \"volume_size\": 20}]")
                    .append(i % 3 == 0 ? ", \"ebs_block_device\": [{\"device_name\": \"/dev/sdf\", \"volume_type\": \"io2\","
                            + " \"volume_size\": 100, \"iops\": 40000}]" : "")
                    .append("}, \"sensitive_attributes\": []}]}");
        }
        state.append("]}");
        long start = System.nanoTime();
        HttpResponse<String> pushed = server.http().send(server.request("/api/v1/tenants/" + tenant + "/states/bench")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(state.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        double pushSeconds = (System.nanoTime() - start) / 1e9;
        if (pushed.statusCode() != 201) {
            throw new IllegalStateException("the state push failed: " + pushed.statusCode() + " " + pushed.body());
        }
        String id = BenchServer.JSON.readTree(pushed.body()).path("id").asString();
        while (true) {
            HttpResponse<String> costs = server.http().send(server.request("/api/v1/states/" + id + "/costs").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (costs.statusCode() == 200) {
                double seconds = (System.nanoTime() - start) / 1e9 - pushSeconds;
                JsonNode answer = BenchServer.JSON.readTree(costs.body());
                if (answer.path("resource_count").asInt() != STATE_INSTANCES) {
                    throw new IllegalStateException("the estimate holds " + answer.path("resource_count").asInt() + " instances");
                }
                log(String.format(Locale.ROOT, "state of %d instances pushed in %.1f s, estimated in %.1f s more", STATE_INSTANCES,
                        pushSeconds, seconds));
                return new Estimate(STATE_INSTANCES, pushSeconds, seconds, answer.path("monthly_cost").asString());
            }
            if (costs.statusCode() != 202) {
                throw new IllegalStateException("the estimate failed: " + costs.statusCode() + " " + costs.body());
            }
            Thread.sleep(100);
        }
    }

    /** PostgreSQL alone: the same file, decompressed here, into a plain table by CSV COPY. */
    private static double copyBaseline(EmbeddedPostgres pg, Path file, long products) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE pricing_baseline (product_hash text, sku text, vendor_name text, region text, service text,"
                    + " product_family text, attributes jsonb, prices jsonb)");
            st.execute("CHECKPOINT");
            long start = System.nanoTime();
            long copied;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY pricing_baseline FROM STDIN (FORMAT csv, HEADER)", in,
                        1 << 16);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (copied != products) {
                throw new IllegalStateException("COPY loaded " + copied + " products, expected " + products);
            }
            log(String.format(Locale.ROOT, "COPY baseline: %.1f s", seconds));
            return seconds;
        }
    }

    private static void report(long products, long fileBytes, Measure load, double baseline, long stored, Estimate estimate)
            throws Exception {
        StringBuilder md = new StringBuilder("## Price book load\n\n");
        md.append("Written by `bench/run-pricing` (").append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores). A generated dump of ")
                .append(String.format(Locale.ROOT, "%,d", products)).append(" products in cloud-pricing-api's CSV format (")
                .append(String.format(Locale.ROOT, "%,d", fileBytes >> 20)).append(" MiB gzipped), posted to")
                .append(" `/api/v1/pricing/products` of a server at `-Xmx512m`; the baseline is PostgreSQL's own CSV `COPY`")
                .append(" of the same file into a plain table with the same columns, no index, in the same run.\n\n");
        md.append("| load | seconds | products/s | vs. COPY | live heap (after a full GC, highest) | peak RSS |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| `POST /api/v1/pricing/products` (COPY, index, swap) | %.1f | %,.0f | %.2fx | %d MiB | %d MiB |%n",
                load.seconds(), products / load.seconds(), baseline / load.seconds(), load.peakLive() >> 20, load.peakRss() >> 20));
        md.append(String.format(Locale.ROOT, "| PostgreSQL CSV COPY (baseline) | %.1f | %,.0f | 1.00x | | |%n", baseline,
                products / baseline));
        md.append(String.format(Locale.ROOT, "%nThe book in the database: %,d MiB with its index. One load per run (each takes"
                + " minutes); the server streams the body into COPY, so its heap does not grow with the file.%n", stored >> 20));
        md.append("\nGoal (issue 10): a dump of about 3.6 million products loads, streaming, in minutes.\n");
        md.append(String.format(Locale.ROOT, "%nThen a state of %,d EC2 instances (six instance types over eight regions, a gp3 root"
                        + " volume each, an io2 volume with tiered IOPS on every third) is pushed and priced from that book: pushed in"
                        + " %.1f s, its estimate snapshot readable %.1f s later (%,.0f instances/s; %,.2f USD a month at the book's"
                        + " generated prices). The estimate runs"
                        + " in the background (db-scheduler, polled every 200 ms by the bench server), so the figure includes up to one poll interval.%n",
                estimate.instances(), estimate.pushSeconds(), estimate.estimateSeconds(),
                estimate.instances() / estimate.estimateSeconds(), new java.math.BigDecimal(estimate.monthlyCost())));
        md.append("\nReproduce: `bench/run-pricing` (option: `--products N`).\n");
        BenchmarksFile.replaceSection("pricing", md.toString());
        log("wrote " + BenchmarksFile.FILE);
        System.out.println(md);
    }

    private static void log(String message) {
        System.err.println("[bench " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + message);
    }
}
