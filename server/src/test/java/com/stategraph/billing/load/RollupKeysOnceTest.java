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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A rollup holds each key once, summed, though its sums came in one flush and were not summed
 * again at commit: values that differ only by a NUL (padding PostgreSQL text cannot hold) become
 * one key there, and are summed, in the sums per combination and per single dimension alike. (A
 * tag's JSON cannot hold a NUL at all: PostgreSQL refuses it.)
 */
class RollupKeysOnceTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart",
            "ServiceName");

    @Test
    void valuesThatDifferOnlyByANulAreOneKeySummed() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal ec2 = BigDecimal.ZERO;
        BigDecimal s3 = BigDecimal.ZERO;
        for (int i = 0; i < 40; i++) {
            BigDecimal cost = BigDecimal.valueOf(100 + i, 2);
            boolean compute = i % 4 != 3;
            String service = compute ? (i % 2 == 0 ? "EC2" : "EC2\u0000") : "S3";
            if (compute) {
                ec2 = ec2.add(cost);
            } else {
                s3 = s3.add(cost);
            }
            rows.add(List.of(cost.toPlainString(), "USD", M.atDay(1) + "T00:00:00Z", M.atDay(2) + "T00:00:00Z", service));
        }
        Path root = tempDir("nul-keys-");
        ExportFixtures.csv(root.resolve("focus/part-0.csv"), false, false, HEADER, rows);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + root + "/focus/");
        JsonNode run = syncAndWait(tenant, source);
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("ok");

        List<String> days = jdbc.sql("SELECT service_name || ' ' || billed_cost FROM cost_daily WHERE source_id = ?::uuid"
                + " ORDER BY service_name").param(source).query(String.class).list();
        assertThat(days).as("one row a service, its lines summed").containsExactly("EC2 " + ec2, "S3 " + s3);
        for (String table : List.of("cost_daily_dimensions", "cost_monthly_dimensions")) {
            List<String> byService = jdbc.sql("SELECT value || ' ' || billed_cost FROM " + table + " WHERE source_id = ?::uuid"
                    + " AND dimension = 'service_name' ORDER BY value").param(source).query(String.class).list();
            assertThat(byService).as(table + ": one row a service").containsExactly("EC2 " + ec2, "S3 " + s3);
        }
    }
}
