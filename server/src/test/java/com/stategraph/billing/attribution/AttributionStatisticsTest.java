package com.stategraph.billing.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An attribution that writes many managed rows commits them with statistics that know them: until
 * autovacuum analyzed them, PostgreSQL took a tenant's hundreds of thousands of new rows for one and
 * joined them row by row, past the query timeout (the plan itself cannot be asserted here, the
 * statistics it is made from can). The unmanaged resources are no rows of their own: their ids,
 * 1,024 to a row of {@code attribution_unmanaged} (V49).
 */
class AttributionStatisticsTest extends SyncServerTest {
    private static final int MANAGED = 11_000;
    private static final int UNMANAGED = 2_500;

    private Timestamp lastAnalyze() {
        return jdbc.sql("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'attribution_resources'")
                .query(Timestamp.class).optional().orElse(null);
    }

    @Test
    void aComputationThatWritesManyRowsLeavesTheTableAnalyzedAndKeepsTheUnmanagedInBlocks() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        List<List<String>> rows = new ArrayList<>();
        TerraformStates.Instance[] fleet = new TerraformStates.Instance[MANAGED];
        for (int r = 0; r < MANAGED + UNMANAGED; r++) {
            rows.add(List.of("0.01", "USD", day + "T00:00:00Z", day + "T00:00:00Z", "i-stat-" + r));
            if (r < MANAGED) {
                fleet[r] = TerraformStates.Instance.of(r, Map.of("id", "i-stat-" + r));
            }
        }
        Path dir = tempDir("attribution-statistics-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false,
                List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ResourceId"), rows);
        Timestamp before = lastAnalyze();
        String tenant = newTenant();
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/fleet",
                TerraformStates.state(1, "fleet").resource("managed", null, "aws_instance", "fleet", "aws", fleet).json());
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(201);
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        var split = awaitAttribution(tenant, null);
        assertThat(split.path("attributed_count").asLong()).isEqualTo(MANAGED);
        assertThat(split.path("unmanaged_count").asLong()).isEqualTo(UNMANAGED);

        Timestamp after = lastAnalyze();
        assertThat(after).as("analyzed by the computation").isNotNull();
        if (before != null) {
            assertThat(after).isAfter(before);
        }
        assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE relname = 'attribution_resources'").query(Double.class).single())
                .as("the statistics count the new rows").isGreaterThanOrEqualTo((double) MANAGED);
        assertThat(jdbc.sql("SELECT count(*) FROM attribution_resources WHERE tenant_id = ?::uuid").param(tenant).query(Long.class).single())
                .as("a row per managed resource").isEqualTo(MANAGED);
        assertThat(jdbc.sql("SELECT count(*) FROM attribution_unmanaged WHERE tenant_id = ?::uuid").param(tenant).query(Long.class).single())
                .as("the unmanaged ids, 1,024 a row").isEqualTo((UNMANAGED + 1023) / 1024);
        assertThat(jdbc.sql("SELECT count(DISTINCT resource_key) FROM attribution_unmanaged_keys WHERE tenant_id = ?::uuid").param(tenant)
                .query(Long.class).single()).isEqualTo(UNMANAGED);
    }
}
