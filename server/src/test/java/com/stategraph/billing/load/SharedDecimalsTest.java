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
 * A chunk stores a decimal column as an empty array where every line has its source's value there
 * (V52), and every reader still gets each line's own value: through {@code billing_rows} and through
 * the chunk readers' select list. One line that differs keeps the whole column.
 */
class SharedDecimalsTest extends SyncServerTest {
    private static final List<String> HEADER = List.of("BilledCost", "EffectiveCost", "ContractedCost", "ListCost",
            "ConsumedQuantity", "PricingQuantity", "ListUnitPrice", "ContractedUnitPrice", "BillingCurrency",
            "BillingPeriodStart", "ChargePeriodStart", "ResourceId");
    private static final YearMonth MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final int LINES = 50;

    @Test
    void columnsEqualToTheirSourcesAreStoredOnceAndReadAsEachLinesOwn() throws Exception {
        List<List<String>> same = lines(-1);
        List<List<String>> oneDiffers = lines(17);
        String tenant = newTenant();
        String shared = sync(tenant, "shared-decimals-", same);
        String unshared = sync(tenant, "unshared-decimals-", oneDiffers);

        assertThat(cardinality(shared, "effective_cost")).as("effective cost as the billed cost").isZero();
        assertThat(cardinality(shared, "contracted_cost")).isZero();
        assertThat(cardinality(shared, "pricing_quantity")).as("one line has neither quantity, and still shares").isZero();
        assertThat(cardinality(shared, "contracted_unit_price")).isZero();
        assertThat(cardinality(shared, "list_cost")).as("the list cost differs from the billed cost").isEqualTo(LINES);
        assertThat(cardinality(shared, "billed_cost")).isEqualTo(LINES);
        assertThat(cardinality(unshared, "effective_cost")).as("one line's effective cost differs").isEqualTo(LINES);
        assertThat(cardinality(unshared, "contracted_cost")).isZero();

        assertRowsRead(shared, same);
        assertRowsRead(unshared, oneDiffers);
        for (String source : List.of(shared, unshared)) {
            List<List<String>> input = source.equals(shared) ? same : oneDiffers;
            assertThat(jdbc.sql("SELECT sum(u.e) FROM (SELECT " + ChunkArrays.select("billing_period, effective_cost, pricing_quantity")
                            + " FROM billing_chunks WHERE source_id = ?::uuid) c CROSS JOIN LATERAL unnest(c.effective_cost, c.pricing_quantity)"
                            + " AS u (e, q)").param(source).query(BigDecimal.class).single())
                    .as("the chunk readers' select list").isEqualByComparingTo(sum(input, 1));
        }
    }

    /** Lines whose effective and contracted cost, pricing quantity and contracted unit price equal their sources, but line {@code differs}'s effective cost. */
    private static List<List<String>> lines(int differs) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            String billed = "1." + (100 + i * 7);
            String effective = i == differs ? "0." + (500 + i) : billed;
            String quantity = i == 3 ? "" : i + ".25";
            String price = "0.0" + (10 + i);
            rows.add(List.of(billed, effective, billed, "2." + (100 + i), quantity, quantity, price, price, "USD",
                    MONTH.atDay(1) + "T00:00:00Z", MONTH.atDay(1 + i % 28) + "T00:00:00Z", "r-" + differs + "-" + i));
        }
        return rows;
    }

    private String sync(String tenant, String prefix, List<List<String>> rows) throws Exception {
        Path dir = tempDir(prefix);
        ExportFixtures.csv(dir.resolve("export.csv"), false, false, HEADER, rows);
        String source = addSource(tenant, Map.of("provider", "aws", "source_uri", "file://" + dir + "/", "window_months", 3));
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        return source;
    }

    private int cardinality(String source, String column) {
        return StoredChunk.cardinality(jdbc, source, column);
    }

    private void assertRowsRead(String source, List<List<String>> input) {
        List<String> columns = List.of("billed_cost", "effective_cost", "contracted_cost", "list_cost", "consumed_quantity",
                "pricing_quantity", "list_unit_price", "contracted_unit_price");
        List<List<BigDecimal>> read = jdbc.sql("SELECT " + String.join(", ", columns) + " FROM billing_rows WHERE source_id = ?::uuid"
                        + " ORDER BY resource_id COLLATE \"C\"").param(source)
                .query((rs, n) -> {
                    List<BigDecimal> values = new ArrayList<>();
                    for (String c : columns) {
                        values.add(rs.getBigDecimal(c));
                    }
                    return values;
                }).list();
        List<List<String>> expected = input.stream().sorted(java.util.Comparator.comparing(r -> r.get(11))).toList();
        assertThat(read).hasSize(expected.size()).isNotEmpty();
        for (int i = 0; i < read.size(); i++) {
            for (int c = 0; c < columns.size(); c++) {
                String want = expected.get(i).get(c);
                BigDecimal got = read.get(i).get(c);
                if (want.isEmpty()) {
                    assertThat(got).as(columns.get(c) + " of " + expected.get(i).get(11)).isNull();
                } else {
                    assertThat(got).as(columns.get(c) + " of " + expected.get(i).get(11)).isEqualByComparingTo(want);
                }
            }
        }
    }

    private static BigDecimal sum(List<List<String>> rows, int column) {
        return rows.stream().map(r -> r.get(column)).filter(v -> !v.isEmpty()).map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
