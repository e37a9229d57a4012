package com.stategraph.billing.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.SyncServerTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tag key with more values than {@link AnomalyScan#MAX_TAG_VALUES} (a name per instance, as
 * autoscaling groups and containers are tagged) is an identifier: its values are not scanned as tag
 * series, so a day of a thousand new instances is not a thousand "new spend" anomalies held in memory
 * and written. The other keys of the same lines are scanned as before.
 */
class IdentifierTagsNotScannedTest extends SyncServerTest {
    private static final List<String> HEADER = List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart",
            "ChargePeriodStart", "ServiceName", "SubAccountId", "Tags");

    @Autowired
    AnomalyScan scan;

    private static List<String> line(LocalDate day, String instance, String cost) {
        return List.of(cost, cost, "USD", day.withDayOfMonth(1) + "T00:00:00Z", day + "T00:00:00Z", "Amazon EC2", "111111111111",
                "{\"team\":\"web\",\"instance\":\"" + instance + "\"}");
    }

    @Test
    void aTagKeyOfMoreValuesThanTheLimitIsNotScannedAndTheOthersAre() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<List<String>> rows = new ArrayList<>();
        // History from the first of last month (in the source's default window of two months): four weeks or more.
        for (LocalDate day = today.minusMonths(1).withDayOfMonth(1); day.isBefore(today.minusDays(2)); day = day.plusDays(1)) {
            rows.add(line(day, "i-base", "100.00"));
        }
        // Two days ago, a fleet of new instances, each a material new spend if its tag were a series of its own.
        int fleet = AnomalyScan.MAX_TAG_VALUES + 1;
        for (int i = 0; i < fleet; i++) {
            rows.add(line(today.minusDays(2), "i-new-" + i, "20.00"));
        }
        Path dir = tempDir("identifier-tags-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, HEADER, rows);
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");

        AnomalyScan.Outcome outcome = scan.scan(UUID.fromString(tenant));

        // the service and the team=web tag: the instance key's values are not series
        assertThat(outcome.series()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM cost_anomalies WHERE tenant_id = ?::uuid AND tag_key = 'instance'").param(tenant)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM cost_anomalies WHERE tenant_id = ?::uuid AND dimension = 'service'").param(tenant)
                .query(Long.class).single()).as("the fleet's day is still a spike of the service").isPositive();
    }
}
