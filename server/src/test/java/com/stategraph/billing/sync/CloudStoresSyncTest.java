package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.stategraph.billing.support.Azurite;
import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * End to end through the server's own stores, chosen by the URI's scheme, against protocol
 * servers on loopback: s3:// (s3proxy), gs:// (JSON API stub), abfss:// (Azurite).
 */
class CloudStoresSyncTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "x_ResourceGroupName");

    private static List<Map<String, Object>> awsRows(int n, BigDecimal[] total) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cost = 0.25 + i * 0.011;
            total[0] = total[0].add(new BigDecimal(Double.toString(cost)));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("BilledCost", cost);
            r.put("BillingCurrency", "USD");
            r.put("BillingPeriodStart", ProviderShapesSyncTest.start(M));
            r.put("ChargePeriodStart", ProviderShapesSyncTest.day(M, 1 + i % 28));
            r.put("Tags", Map.of("team", "t" + i % 3));
            rows.add(r);
        }
        return rows;
    }

    @Test
    void s3ExportWithManifestSyncsThroughTheS3Endpoint() throws Exception {
        String bucket = "cur-" + UUID.randomUUID().toString().substring(0, 8);
        BigDecimal[] total = {BigDecimal.ZERO};
        Path file = Files.createTempFile("aws-", ".parquet");
        ExportFixtures.parquet(file, ExportFixtures.AWS_SCHEMA, awsRows(400, total));
        BigDecimal[] stale = {BigDecimal.ZERO};
        Path old = Files.createTempFile("aws-old-", ".parquet");
        ExportFixtures.parquet(old, ExportFixtures.AWS_SCHEMA, awsRows(10, stale));
        String data = "exports/focus/data/BILLING_PERIOD=" + M + "/";
        try (S3Client s3 = s3Admin()) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key(data + "focus-00001.snappy.parquet"), RequestBody.fromFile(file));
            s3.putObject(b -> b.bucket(bucket).key(data + "old-delivery-00001.snappy.parquet"), RequestBody.fromFile(old));
            s3.putObject(b -> b.bucket(bucket).key("exports/focus/metadata/BILLING_PERIOD=" + M + "/focus-Manifest.json"),
                    RequestBody.fromString("{\"executionId\": \"e1\", \"dataFiles\": [\"s3://" + bucket + "/" + data
                            + "focus-00001.snappy.parquet\"]}"));
        }
        String tenant = newTenant();
        String source = addSource(tenant, Map.of("provider", "aws", "source_uri", "s3://" + bucket + "/exports/focus/data/**",
                "region", "us-east-1", "window_months", 3));

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(run.path("files").asInt()).isEqualTo(1);
        assertThat(run.path("bytes").asLong()).isEqualTo(Files.size(file));
        assertThat(sum(source, "billed_cost").toPlainString()).isEqualTo(total[0].toPlainString());
        assertThat(dataDir().resolve("tmp")).as("Parquet is read in place by ranged reads: nothing on disk").doesNotExist();
    }

    @Test
    void gcsExportSyncsThroughTheGcsEndpoint() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 200; i++) {
            BigDecimal cost = new BigDecimal("0.123456789").multiply(BigDecimal.valueOf(i));
            total = total.add(cost);
            rows.add(Map.of("BilledCost", cost, "BillingCurrency", "JPY",
                    "BillingPeriodStart", ProviderShapesSyncTest.start(M), "ChargePeriodStart", ProviderShapesSyncTest.day(M, 2),
                    "ChargeCategory", "usage"));
        }
        Path file = Files.createTempFile("gcp-", ".parquet");
        ExportFixtures.parquet(file, ExportFixtures.GCP_SCHEMA, rows);
        GCS.put("gcp-billing", "focus/focus-000000000000.parquet", Files.readAllBytes(file));
        String tenant = newTenant();
        String source = addSource(tenant, "gcp", "gs://gcp-billing/focus/*.parquet");

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(sum(source, "billed_cost").toPlainString()).isEqualTo(total.toPlainString());
    }

    @Test
    void azureExportSyncsFromAbfssThroughTheBlobEndpoint() throws Exception {
        String container = "focus-" + UUID.randomUUID().toString().substring(0, 8);
        BlobContainerClient blobs = AZURITE.admin().createBlobContainer(container);
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 150; i++) {
            String cost = "1." + String.format("%03d", i);
            total = total.add(new BigDecimal(cost));
            csv.append(cost).append(",EUR,").append(M.atDay(1)).append("T00:00Z,").append(M.atDay(3)).append("T00:00Z,rg-")
                    .append(i % 2).append('\n');
        }
        blobs.getBlobClient("exports/cost/run-1/part_0_0001.csv").upload(BinaryData.fromString(csv.toString()));
        String tenant = newTenant();
        String source = addSource(tenant, "azure",
                "abfss://" + container + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/exports/cost/**/*.csv");

        JsonNode run = syncAndWait(tenant, source);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");
        assertThat(sum(source, "billed_cost").toPlainString()).isEqualTo(total.toPlainString());
    }
}
