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
 * A new load's table gets no statistics of its arrays (V46: a table made LIKE its parent does not
 * take the setting): ANALYZE, as autovacuum runs it after each sync, keeps the row count and the
 * scalar columns' statistics and builds none of an array's, and the rows read as before. Its
 * ResourceIds are stored without compression, the other arrays compressed.
 */
class ChunkStatisticsTest extends SyncServerTest {
    @Test
    void aLoadsTableIsAnalyzedWithoutItsArrays() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        int lines = 60;
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines; i++) {
            String cost = "1." + (10 + i);
            total = total.add(new BigDecimal(cost));
            rows.add(List.of(cost, "USD", month.atDay(1) + "T00:00:00Z", month.atDay(1 + i % 28) + "T00:00:00Z", "r-" + i % 7));
        }
        Path dir = tempDir("chunk-statistics-");
        ExportFixtures.csv(dir.resolve("export.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        String tenant = newTenant();
        String source = addSource(tenant, Map.of("provider", "aws", "source_uri", "file://" + dir + "/", "window_months", 3));
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        UUID load = jdbc.sql("SELECT id FROM billing_loads WHERE source_id = ?::uuid AND state = 'current'").param(source)
                .query(UUID.class).single();
        String table = BillingPartitions.LOADS.tableOf(load);
        assertThat(jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single())
                .as("60 lines are a load with a table of its own in the sync tests").isTrue();
        jdbc.sql("ANALYZE " + table).update();
        List<String> analyzed = jdbc.sql("SELECT attname FROM pg_stats WHERE tablename = ? ORDER BY attname").param(table)
                .query(String.class).list();
        assertThat(analyzed).contains("load_id", "billing_period", "row_count").doesNotContain("billed_cost", "resource_id", "charge_period_start");
        assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE relname = ?").param(table).query(Double.class).single())
                .as("its chunks are counted").isPositive();
        List<String> external = jdbc.sql("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attstorage = 'e'"
                + " ORDER BY attname").param(table).query(String.class).list();
        assertThat(external).as("the arrays pglz barely shrinks are stored as they are")
                .containsExactlyInAnyOrderElementsOf(LoadTable.UNCOMPRESSED);
        assertThat(jdbc.sql("SELECT sum(billed_cost) FROM billing_rows WHERE tenant_id = ?::uuid").param(tenant).query(BigDecimal.class)
                .single()).isEqualByComparingTo(total);
    }
}
