package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.format.CanonicalRow;
import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.format.FocusNormaliser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Lines loaded straight through {@link BillingLoad}, as a sync would after reading them, for tests of what a load stores. */
final class TestLoads {
    static final List<String> HEADER = List.of("BilledCost", "EffectiveCost", "ListCost", "BillingCurrency", "BillingPeriodStart",
            "ChargePeriodStart", "ChargeCategory", "RegionId", "ResourceId");

    private TestLoads() {
    }

    record Line(LocalDate period, LocalDate charged, String category, String region, String resource, BigDecimal billed,
                BigDecimal effective, BigDecimal list, String currency) {
        Line(LocalDate period, LocalDate charged, String category, String region, String resource, BigDecimal billed,
             BigDecimal effective, BigDecimal list) {
            this(period, charged, category, region, resource, billed, effective, list, "USD");
        }
    }

    /** Enough for every test's keys: the load holds them all. */
    static final long WHOLE = 10_000_000;

    /** The lines as one load of {@code periods} of the source, committed, holding at most {@code resourceKeys} resource sums at once. */
    static void load(DataSource ds, UUID tenant, UUID source, Collection<LocalDate> periods, List<Line> lines, long resourceKeys)
            throws Exception {
        load(ds, tenant, source, periods, lines, resourceKeys, c -> { });
    }

    /** @param beforeCommit run in the load's transaction just before it commits */
    static void load(DataSource ds, UUID tenant, UUID source, Collection<LocalDate> periods, List<Line> lines, long resourceKeys,
                     BillingLoad.InTransaction beforeCommit) throws Exception {
        try (BillingLoad load = begin(ds, tenant, source, periods, new ResourceSumBudget(resourceKeys))) {
            long n = 0;
            for (Line l : lines) {
                write(load, l, ++n);
            }
            load.commit(beforeCommit);
        }
    }

    static BillingLoad begin(DataSource ds, UUID tenant, UUID source, Collection<LocalDate> periods, ResourceSumBudget budget)
            throws Exception {
        BillingLoad load = BillingLoad.begin(ds, tenant, source, "AWS", null, periods, new BillingLoad.Settings(200_000, 10, 100_000, 10_000,
                budget));
        load.startFile("file:///export.csv");
        return load;
    }

    /** Line {@code l} as row {@code n} of the load's file. */
    static void write(BillingLoad load, Line l, long n) {
        CanonicalRow row = NORMALISER.get().normalise(new Object[] {l.billed().toPlainString(), l.effective().toPlainString(),
                l.list().toPlainString(), l.currency(), l.period() + "T00:00:00Z", l.charged() + "T00:00:00Z", l.category(), l.region(),
                l.resource()}, n);
        assertThat(load.write(row, n)).isTrue();
    }

    private static final ThreadLocal<FocusNormaliser> NORMALISER = ThreadLocal.withInitial(() -> new FocusNormaliser("file:///export.csv",
            HEADER, new ConformanceFindings()));
}
