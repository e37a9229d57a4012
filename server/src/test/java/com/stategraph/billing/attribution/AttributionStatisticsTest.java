package com.stategraph.billing.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An attribution that writes many rows commits them with statistics that know them. Until
 * autovacuum analyzed them, PostgreSQL took a tenant's hundreds of thousands of new rows for one
 * and joined the unmanaged list row by row, past the query timeout; the plan itself cannot be
 * asserted here, the statistics it is made from can.
 */
class AttributionStatisticsTest extends SyncServerTest {
    private static final int RESOURCES = 12_000;

    private Timestamp lastAnalyze() {
        return jdbc.sql("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'attribution_resources'")
                .query(Timestamp.class).optional().orElse(null);
    }

    @Test
    void aComputationThatWritesManyRowsLeavesTheTableAnalyzed() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < RESOURCES; r++) {
            rows.add(List.of("0.01", "USD", day + "T00:00:00Z", day + "T00:00:00Z", "i-stat-" + r));
        }
        Path dir = tempDir("attribution-statistics-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        Timestamp before = lastAnalyze();
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        assertThat(awaitAttribution(tenant, null).path("unmanaged_count").asLong()).isEqualTo(RESOURCES);

        Timestamp after = lastAnalyze();
        assertThat(after).as("analyzed by the computation").isNotNull();
        if (before != null) {
            assertThat(after).isAfter(before);
        }
        assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE relname = 'attribution_resources'").query(Double.class).single())
                .as("the statistics count the new rows").isGreaterThanOrEqualTo((double) RESOURCES);
    }
}
