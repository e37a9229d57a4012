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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A load of fewer rows than {@code stategraph.sync.own-table-rows} (10 in the sync tests) shares
 * billing_chunks_small instead of keeping a table of its own; a larger one keeps its table. Both are
 * read, replaced and removed alike.
 */
class SmallLoadsShareATableTest extends SyncServerTest {
    private static final YearMonth SMALL = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final YearMonth LARGE = YearMonth.now(ZoneOffset.UTC);
    private static final int SMALL_ROWS = 6;
    private static final int LARGE_ROWS = 50;

    /** The export: SMALL_ROWS rows of SMALL's period and LARGE_ROWS of LARGE's, each costing {@code cost}. */
    private static void export(Path dir, String cost) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < SMALL_ROWS + LARGE_ROWS; i++) {
            YearMonth m = i < SMALL_ROWS ? SMALL : LARGE;
            rows.add(List.of(cost, "USD", m.atDay(1) + "T00:00:00Z", m.atDay(1 + i % 20) + "T00:00:00Z", "r-" + i));
        }
        ExportFixtures.csv(dir.resolve("export.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
    }

    private UUID load(String source, YearMonth period) {
        return jdbc.sql("SELECT id FROM billing_loads WHERE source_id = ?::uuid AND billing_period = ?::date AND state = 'current'")
                .params(source, period.atDay(1).toString()).query(UUID.class).single();
    }

    private boolean ownTable(UUID load) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(BillingPartitions.LOADS.tableOf(load)).query(Boolean.class).single();
    }

    private long smallRows(String source) {
        return jdbc.sql("SELECT coalesce(sum(row_count), 0) FROM billing_chunks_small WHERE source_id = ?::uuid").param(source)
                .query(Long.class).single();
    }

    private BigDecimal billed(String tenant, UUID load) {
        return jdbc.sql("SELECT sum(billed_cost) FROM billing_rows WHERE tenant_id = ?::uuid AND "
                        + BillingLoadRepository.onlyLoads("load_id", List.of(load)))
                .param(tenant).query(BigDecimal.class).single();
    }

    @Test
    void aSmallLoadSharesTheTableALargeOneKeepsItsOwnAndBothAreReplacedAndRemoved() throws Exception {
        Path dir = tempDir("small-loads-");
        export(dir, "1.25");
        String tenant = newTenant();
        String source = addSource(tenant, Map.of("provider", "aws", "source_uri", "file://" + dir + "/", "window_months", 3));
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        UUID small = load(source, SMALL);
        UUID large = load(source, LARGE);
        assertThat(ownTable(small)).as("a small load has no table of its own").isFalse();
        assertThat(smallRows(source)).isEqualTo(SMALL_ROWS);
        assertThat(ownTable(large)).isTrue();
        assertThat(billed(tenant, small)).isEqualByComparingTo(new BigDecimal("1.25").multiply(BigDecimal.valueOf(SMALL_ROWS)));
        assertThat(billed(tenant, large)).isEqualByComparingTo(new BigDecimal("1.25").multiply(BigDecimal.valueOf(LARGE_ROWS)));
        String plan = String.join("\n", jdbc.sql("EXPLAIN (COSTS OFF) SELECT sum(billed_cost) FROM billing_rows WHERE tenant_id = ?::uuid AND "
                + BillingLoadRepository.onlyLoads("load_id", List.of(small))).param(tenant).query(String.class).list());
        assertThat(plan).as("a small load's question reads the shared table and no load's own table")
                .contains("billing_chunks_small").doesNotContain(BillingPartitions.LOADS.tableOf(large));

        export(dir, "2.50");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        UUID newSmall = load(source, SMALL);
        assertThat(newSmall).isNotEqualTo(small);
        assertThat(smallRows(source)).as("the replaced small load's chunks are gone").isEqualTo(SMALL_ROWS);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_chunks_small WHERE load_id = ?").param(small).query(Long.class).single())
                .isZero();
        assertThat(billed(tenant, newSmall)).isEqualByComparingTo(new BigDecimal("2.50").multiply(BigDecimal.valueOf(SMALL_ROWS)));
        assertThat(sum(source, "billed_cost"))
                .isEqualByComparingTo(new BigDecimal("2.50").multiply(BigDecimal.valueOf(SMALL_ROWS + LARGE_ROWS)));

        var removed = api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/billing-sources/" + source);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(smallRows(source)).isZero();
    }
}
