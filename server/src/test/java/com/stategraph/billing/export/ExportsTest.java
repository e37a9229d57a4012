package com.stategraph.billing.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.format.ParquetRecordReader;
import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Exports: any view as CSV with {@code Accept: text/csv} (JSON stays the default; a cell that would
 * run as a spreadsheet formula is quoted), and the tenant's rows as FOCUS Parquet that reads back with
 * every value, x_ columns and tags included, and loads again as a source with the same spend.
 */
class ExportsTest extends SyncServerTest {
    private static final YearMonth JUNE = YearMonth.of(2025, 6);
    private static final List<String> HEADER = List.of("BilledCost", "EffectiveCost", "ListCost", "BillingCurrency",
            "BillingPeriodStart", "ChargePeriodStart", "ChargePeriodEnd", "ServiceName", "SubAccountId", "ResourceId", "ChargeCategory",
            "Tags", "x_CostCenter");

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void viewsAsCsvAndRowsAsFocusParquet() throws Exception {
        String tenant = newTenant();
        List<List<String>> rows = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            String start = JUNE.atDay(day) + "T00:00:00Z";
            String end = JUNE.atDay(day + 1) + "T00:00:00Z";
            rows.add(List.of("12.345678901", "11.5", "15", "USD", JUNE.atDay(1) + "T00:00:00Z", start, end, "Amazon EC2", "111",
                    "i-0" + day, "Usage", "{\"team\":\"web\",\"env\":\"prod\"}", "cc-" + day));
            rows.add(List.of("-2.5", "-2.5", "0", "USD", JUNE.atDay(1) + "T00:00:00Z", start, end, "=HYPERLINK(\"x\")", "222", "",
                    "Credit", "", ""));
        }
        Path dir = tempDir("exports-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, HEADER, rows);
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");
        String range = "from=" + JUNE.atDay(1) + "&to=" + JUNE.plusMonths(1).atDay(1);

        HttpResponse<byte[]> json = get("/api/v1/tenants/" + tenant + "/costs/actuals?" + range + "&group_by=service", "*/*");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        HttpResponse<byte[]> csv = get("/api/v1/tenants/" + tenant + "/costs/actuals?" + range + "&group_by=service", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("key,currency,cost,series_period,series_cost");
        BigDecimal ec2 = new BigDecimal("11.5").multiply(BigDecimal.valueOf(3));
        assertThat(lines).contains("Amazon EC2,USD," + ec2.stripTrailingZeros().toPlainString() + "," + JUNE.atDay(1) + ","
                + ec2.stripTrailingZeros().toPlainString());
        assertThat(lines).as("a formula in the data is quoted, a negative number is not")
                .contains("\"'=HYPERLINK(\"\"x\"\")\",USD,-7.5," + JUNE.atDay(1) + ",-7.5");
        HttpResponse<byte[]> savings = get("/api/v1/tenants/" + tenant + "/costs/savings?from=" + JUNE + "&to=" + JUNE.plusMonths(1),
                "text/csv");
        assertThat(new String(savings.body(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse(""))
                .startsWith("billing_period,provider,service_name,currency,list_cost");
        HttpResponse<byte[]> error = get("/api/v1/tenants/" + tenant + "/costs/actuals?from=June", "text/csv");
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(new String(error.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("id,data").contains("INVALID_PARAMETER");

        HttpResponse<byte[]> parquet = get("/api/v1/tenants/" + tenant + "/exports/focus.parquet?" + range, "*/*");
        assertThat(parquet.statusCode()).isEqualTo(200);
        assertThat(parquet.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/vnd.apache.parquet");
        Path file = tempDir("exported-").resolve("focus.parquet");
        Files.write(file, parquet.body());
        List<Map<String, Object>> read = new ArrayList<>();
        try (ParquetRecordReader reader = ParquetRecordReader.open(file, "file://" + file)) {
            List<String> columns = reader.columns();
            assertThat(columns).contains("BilledCost", "ChargePeriodStart", "ServiceName", "Tags", "x_CostCenter");
            Object[] values = new Object[columns.size()];
            while (reader.next(values)) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), values[i]);
                }
                read.add(row);
            }
        }
        assertThat(read).hasSize(rows.size());
        for (List<String> in : rows) {
            Map<String, Object> out = read.stream().filter(r -> String.valueOf(r.get("ChargePeriodStart")).startsWith(in.get(5).substring(0, 10))
                    || instant(r.get("ChargePeriodStart")).equals(Instant.parse(in.get(5))))
                    .filter(r -> in.get(7).equals(r.get("ServiceName"))).findFirst().orElseThrow();
            assertThat(new BigDecimal(out.get("BilledCost").toString())).isEqualByComparingTo(in.get(0));
            assertThat(new BigDecimal(out.get("EffectiveCost").toString())).isEqualByComparingTo(in.get(1));
            assertThat(new BigDecimal(out.get("ListCost").toString())).isEqualByComparingTo(in.get(2));
            assertThat(out.get("BillingCurrency")).isEqualTo("USD");
            assertThat(instant(out.get("ChargePeriodEnd"))).isEqualTo(Instant.parse(in.get(6)));
            assertThat(out.get("SubAccountId")).isEqualTo(in.get(8));
            assertThat(out.get("ChargeCategory")).isEqualTo(in.get(10));
            if (in.get(11).isEmpty()) {
                assertThat(out.get("Tags")).isNull();
            } else {
                JsonNode tags = HttpApi.JSON.readTree(out.get("Tags").toString());
                assertThat(tags.path("team").asString()).isEqualTo("web");
                assertThat(tags.path("env").asString()).isEqualTo("prod");
                assertThat(out.get("x_CostCenter")).isEqualTo(in.get(12));
                assertThat(out.get("ResourceId")).isEqualTo(in.get(9));
            }
        }

        // The export is FOCUS: loaded as another tenant's source it gives the same spend.
        String again = newTenant();
        Path copy = tempDir("reimport-");
        Files.copy(file, copy.resolve("focus.parquet"));
        assertThat(syncAndWait(again, addSource(again, "aws", copy.toUri().toString())).path("status").asString()).isEqualTo("ok");
        JsonNode before = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals?" + range + "&group_by=service&metric=billed").body();
        JsonNode after = api.get(ADMIN_KEY, "/api/v1/tenants/" + again + "/costs/actuals?" + range + "&group_by=service&metric=billed").body();
        assertThat(after.path("results")).isNotEmpty();
        assertThat(after.path("results").toString()).isEqualTo(before.path("results").toString());
        assertThat(after.path("totals").toString()).isEqualTo(before.path("totals").toString());
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : value instanceof java.time.LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC) : Instant.EPOCH;
    }
}
