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
import org.junit.jupiter.api.Test;

/**
 * A chunk stores a column of dictionary ids or timestamps with one value on every line as that one
 * value (V53), and every reader still gets each line's value: through {@code billing_rows} and
 * through the chunk readers' select list. A column with one other value, or one empty line, is
 * stored whole.
 */
class ConstantColumnsTest extends SyncServerTest {
    private static final List<String> HEADER = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart",
            "ChargePeriodStart", "ServiceName", "RegionId", "SubAccountId", "ResourceId");
    private static final YearMonth MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final int LINES = 40;

    @Test
    void aColumnOfOneValueIsStoredOnceAndReadOnEveryLine() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            rows.add(List.of("1." + (100 + i), "USD", MONTH.atDay(1) + "T00:00:00Z", MONTH.atDay(1 + i % 28) + "T00:00:00Z",
                    "Amazon EC2", i == 7 ? "eu-west-1" : "us-east-1", i == 9 ? "" : "111122223333", "r-" + (100 + i)));
        }
        String tenant = newTenant();
        Path dir = tempDir("constant-columns-");
        ExportFixtures.csv(dir.resolve("export.csv"), false, false, HEADER, rows);
        String source = addSource(tenant, Map.of("provider", "aws", "source_uri", "file://" + dir + "/", "window_months", 3));
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        assertThat(cardinality(source, "billing_currency")).as("one currency").isEqualTo(1);
        assertThat(cardinality(source, "service_name")).isEqualTo(1);
        assertThat(cardinality(source, "billing_period_start")).as("a timestamp").isEqualTo(1);
        assertThat(cardinality(source, "region_id")).as("one line in another region").isEqualTo(LINES);
        assertThat(cardinality(source, "sub_account_id")).as("one line without an account").isEqualTo(LINES);
        assertThat(cardinality(source, "charge_period_start")).isEqualTo(LINES);
        assertThat(cardinality(source, "resource_id")).isEqualTo(LINES);

        List<List<String>> read = jdbc.sql("SELECT billing_currency, to_char(billing_period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD'),"
                        + " to_char(charge_period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD'), service_name, region_id,"
                        + " coalesce(sub_account_id, ''), resource_id FROM billing_rows WHERE source_id = ?::uuid ORDER BY resource_id COLLATE \"C\"")
                .param(source)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list();
        assertThat(read).hasSize(LINES);
        for (int i = 0; i < LINES; i++) {
            List<String> want = rows.get(i);
            assertThat(read.get(i)).as("line %d", i).isEqualTo(List.of(want.get(1), want.get(2).substring(0, 10),
                    want.get(3).substring(0, 10), want.get(4), want.get(5), want.get(6), want.get(7)));
        }

        List<Map<String, Object>> perCurrency = jdbc.sql("SELECT u.currency, count(*) AS lines, sum(u.cost) AS cost FROM (SELECT "
                        + ChunkArrays.select("billing_currency, billed_cost") + " FROM billing_chunks WHERE source_id = ?::uuid UNION ALL SELECT "
                        + ChunkArrays.select("billing_currency, billed_cost") + " FROM billing_chunks_small WHERE source_id = ?::uuid) c"
                        + " CROSS JOIN LATERAL unnest(c.billing_currency, c.billed_cost) AS u (currency, cost) GROUP BY u.currency")
                .params(source, source).query().listOfRows();
        BigDecimal total = rows.stream().map(r -> new BigDecimal(r.get(0))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(perCurrency).as("the chunk readers' select list: every line has the currency").hasSize(1);
        assertThat(((Number) perCurrency.get(0).get("lines")).intValue()).isEqualTo(LINES);
        assertThat((BigDecimal) perCurrency.get(0).get("cost")).isEqualByComparingTo(total);
    }

    private int cardinality(String source, String column) {
        return StoredChunk.cardinality(jdbc, source, column);
    }
}
