package com.stategraph.billing.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.anomalies.AnomalyDetector.Finding;
import com.stategraph.billing.anomalies.AnomalyDetector.Series;
import com.stategraph.billing.anomalies.AnomalyDetector.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Generated histories: weekly seasonality with noise, planted spikes and drops, a new service and one that ends. */
class AnomalyDetectorTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 6, 1);
    private static final int DAYS = 120;

    /** Weekdays about 1,000, weekends about 350, each day within 5 % of that. */
    private static BigDecimal[] seasonal(long seed) {
        Random random = new Random(seed);
        BigDecimal[] costs = new BigDecimal[DAYS];
        for (int i = 0; i < DAYS; i++) {
            DayOfWeek weekday = FIRST.plusDays(i).getDayOfWeek();
            double base = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? 350 : 1000;
            costs[i] = BigDecimal.valueOf(base * (0.95 + 0.10 * random.nextDouble())).setScale(4, RoundingMode.HALF_EVEN);
        }
        return costs;
    }

    private static LocalDate checkFrom() {
        return FIRST.plusDays(AnomalyDetector.HISTORY_DAYS);
    }

    /** The 28 days before {@code day}, scaled to 30 days. */
    private static double monthly(BigDecimal[] costs, int day) {
        double sum = 0;
        for (int i = day - 28; i < day; i++) {
            sum += costs[i].doubleValue();
        }
        return sum * 30 / 28;
    }

    private static Map<LocalDate, Finding> byDay(List<Finding> findings) {
        Map<LocalDate, Finding> days = new TreeMap<>();
        findings.forEach(f -> days.put(f.day(), f));
        return days;
    }

    @Test
    void theWeeklyPatternAloneRaisesNoAlarm() {
        for (long seed = 1; seed <= 50; seed++) {
            assertThat(AnomalyDetector.findings(new Series(FIRST, seasonal(seed), true), checkFrom())).as("seed " + seed).isEmpty();
        }
    }

    @Test
    void everyPlantedSpikeAndDropIsFoundAndNothingElse() {
        for (long seed = 1; seed <= 20; seed++) {
            BigDecimal[] costs = seasonal(seed);
            Map<Integer, BigDecimal> planted = new TreeMap<>();
            planted.put(40, new BigDecimal("3"));      // a weekday tripled
            planted.put(53, new BigDecimal("0.3"));    // a day at 30 %
            planted.put(67, new BigDecimal("1.6"));    // up 60 %
            planted.put(88, new BigDecimal("2.5"));    // up 150 %
            planted.put(101, new BigDecimal("0.5"));   // halved
            List<Integer> weekends = new ArrayList<>();
            for (int i = 60; i < 120 && weekends.size() < 2; i++) {
                DayOfWeek d = FIRST.plusDays(i).getDayOfWeek();
                if (d == DayOfWeek.SATURDAY && !planted.containsKey(i)) {
                    weekends.add(i);
                }
            }
            assertThat(weekends).hasSize(2);
            planted.put(weekends.get(0), new BigDecimal("2.8")); // a weekend at a weekday's level
            planted.put(weekends.get(1), new BigDecimal("0.2"));
            for (var p : planted.entrySet()) {
                costs[p.getKey()] = costs[p.getKey()].multiply(p.getValue());
            }
            Map<LocalDate, Finding> found = byDay(AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom()));
            List<LocalDate> expected = planted.keySet().stream().map(FIRST::plusDays).toList();
            assertThat(found.keySet()).as("seed " + seed).containsExactlyInAnyOrderElementsOf(expected);
            for (var p : planted.entrySet()) {
                Finding f = found.get(FIRST.plusDays(p.getKey()));
                assertThat(f.actual()).isEqualByComparingTo(costs[p.getKey()]);
                assertThat(f.difference().signum()).isEqualTo(p.getValue().compareTo(BigDecimal.ONE));
                // the baseline is the day's own weekday level, within its noise
                BigDecimal level = FIRST.plusDays(p.getKey()).getDayOfWeek().getValue() >= 6 ? new BigDecimal("350") : new BigDecimal("1000");
                assertThat(f.expected()).as("seed " + seed + " day " + p.getKey()).isBetween(level.multiply(new BigDecimal("0.95")), level.multiply(new BigDecimal("1.05")));
                // severity follows the change's share of the series' trailing monthly cost, read from the inputs
                double change = level.doubleValue() * Math.abs(p.getValue().doubleValue() - 1);
                double share = change / monthly(costs, p.getKey());
                Severity severity = share >= 0.05 ? Severity.high : share >= 0.02 ? Severity.medium : Severity.low;
                if (Math.abs(share - 0.05) < 0.006 || Math.abs(share - 0.02) < 0.004) {
                    continue; // noise decides which side of a boundary it lands
                }
                assertThat(f.severity()).as("day " + p.getKey() + " x" + p.getValue()).isEqualTo(severity);
            }
        }
    }

    @Test
    void aNewServiceIsNewSpendOnItsFirstDayThenQuietWhileItsHistoryGrows() {
        BigDecimal[] all = seasonal(7);
        int start = 70;
        BigDecimal[] costs = java.util.Arrays.copyOfRange(all, start, DAYS);
        List<Finding> found = AnomalyDetector.findings(new Series(FIRST.plusDays(start), costs, true), checkFrom());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).day()).isEqualTo(FIRST.plusDays(start));
        assertThat(found.get(0).expected()).isEqualByComparingTo("0");
        assertThat(found.get(0).actual()).isEqualByComparingTo(costs[0]);
        assertThat(found.get(0).severity()).isEqualTo(Severity.high);
    }

    @Test
    void spendOnTheFirstDayOfTheProvidersDataIsNotNew() {
        BigDecimal[] costs = seasonal(9);
        assertThat(AnomalyDetector.findings(new Series(FIRST, costs, false), FIRST)).isEmpty();
        assertThat(AnomalyDetector.findings(new Series(FIRST, costs, true), FIRST)).extracting(Finding::day).containsExactly(FIRST);
    }

    @Test
    void aServiceThatEndsIsOneDropOnItsFirstDayWithoutSpend() {
        BigDecimal[] costs = seasonal(11);
        int end = 95;
        for (int i = end; i < DAYS; i++) {
            costs[i] = BigDecimal.ZERO;
        }
        List<Finding> found = AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).day()).isEqualTo(FIRST.plusDays(end));
        assertThat(found.get(0).actual()).isEqualByComparingTo("0");
        assertThat(found.get(0).difference()).isEqualByComparingTo(found.get(0).expected().negate());
        // a weekday's spend is 4 % of the month, a weekend day's 1.4 %: a stop is medium or low, never high
        boolean weekend = FIRST.plusDays(end).getDayOfWeek().getValue() >= 6;
        assertThat(found.get(0).severity()).isEqualTo(weekend ? Severity.low : Severity.medium);
    }

    @Test
    void theLastDayStillBeingBilledCanSpikeButNotDrop() {
        BigDecimal[] costs = seasonal(3);
        costs[DAYS - 1] = costs[DAYS - 1].multiply(new BigDecimal("0.2"));
        assertThat(AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom())).isEmpty();
        costs[DAYS - 1] = costs[DAYS - 1].multiply(new BigDecimal("20"));
        List<Finding> found = AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom());
        assertThat(found).extracting(Finding::day).containsExactly(FIRST.plusDays(DAYS - 1));
    }

    @Test
    void daysBeforeTheCheckedWindowAreHistoryOnly() {
        BigDecimal[] costs = seasonal(5);
        costs[35] = costs[35].multiply(BigDecimal.TEN);
        assertThat(AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom())).extracting(Finding::day)
                .containsExactly(FIRST.plusDays(35));
        assertThat(AnomalyDetector.findings(new Series(FIRST, costs, true), FIRST.plusDays(36))).isEmpty();
    }

    @Test
    void aChangeMustBeMaterialInShareOfTheMonthAndInAmount() {
        // 200 a day, within 0.5 %: a month of 6,000, so 1 % is 60
        BigDecimal[] costs = flat(200, 60, 13);
        costs[50] = costs[50].add(new BigDecimal("50")); // 25 % over, far past the noise, under 1 % of the month
        assertThat(AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom())).isEmpty();
        costs[50] = costs[50].add(new BigDecimal("20"));
        assertThat(AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom())).extracting(Finding::day)
                .containsExactly(FIRST.plusDays(50));

        // 20 a day: 1 % of the month is 6, but 10 units of the currency is the floor
        BigDecimal[] small = flat(20, 60, 17);
        small[50] = small[50].add(new BigDecimal("8"));
        assertThat(AnomalyDetector.findings(new Series(FIRST, small, true), checkFrom())).isEmpty();
        small[50] = small[50].add(new BigDecimal("4"));
        assertThat(AnomalyDetector.findings(new Series(FIRST, small, true), checkFrom())).extracting(Finding::day)
                .containsExactly(FIRST.plusDays(50));
        // a tenant's own setting: 5 % of the month and 1 unit
        var strict = new AnomalyDetector.Materiality(new BigDecimal("0.05"), BigDecimal.ONE);
        assertThat(AnomalyDetector.findings(new Series(FIRST, small, true), checkFrom(), strict)).isEmpty();
        var loose = new AnomalyDetector.Materiality(new BigDecimal("0.001"), BigDecimal.ONE);
        small[50] = small[50].subtract(new BigDecimal("7"));
        assertThat(AnomalyDetector.findings(new Series(FIRST, small, true), checkFrom(), loose)).extracting(Finding::day)
                .containsExactly(FIRST.plusDays(50));
    }

    @Test
    void aLevelShiftIsReportedOnceOnItsFirstDayAndNeverAgain() {
        for (long seed = 1; seed <= 20; seed++) {
            BigDecimal[] costs = seasonal(seed);
            int shift = 45;
            BigDecimal factor = seed % 2 == 0 ? new BigDecimal("1.6") : new BigDecimal("0.55");
            for (int i = shift; i < DAYS; i++) {
                costs[i] = costs[i].multiply(factor);
            }
            List<Finding> found = AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom());
            assertThat(found).as("seed " + seed).extracting(Finding::day).containsExactly(FIRST.plusDays(shift));
            assertThat(found.get(0).difference().signum()).isEqualTo(factor.compareTo(BigDecimal.ONE));
        }
    }

    @Test
    void aSteadyTrendIsNotAnAnomalyButASpikeOnItIs() {
        for (long seed = 1; seed <= 20; seed++) {
            // growing from 40 to 170 a day over the 120 days, within 3 %
            Random random = new Random(seed);
            BigDecimal[] costs = new BigDecimal[DAYS];
            for (int i = 0; i < DAYS; i++) {
                double level = 40 + 130.0 * i / (DAYS - 1);
                costs[i] = BigDecimal.valueOf(level * (0.97 + 0.06 * random.nextDouble())).setScale(4, RoundingMode.HALF_EVEN);
            }
            assertThat(AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom())).as("seed " + seed).isEmpty();
            costs[100] = costs[100].add(new BigDecimal("60"));
            List<Finding> found = AnomalyDetector.findings(new Series(FIRST, costs, true), checkFrom());
            assertThat(found).as("seed " + seed).extracting(Finding::day).containsExactly(FIRST.plusDays(100));
            // the baseline follows the trend: day 100's level, not the 28 days' median
            double level = 40 + 130.0 * 100 / (DAYS - 1);
            assertThat(found.get(0).expected().doubleValue()).isBetween(level * 0.96, level * 1.04);
        }
    }

    /** {@code level} a day for {@code days} days, each within 0.5 %. */
    private static BigDecimal[] flat(double level, int days, long seed) {
        Random random = new Random(seed);
        BigDecimal[] costs = new BigDecimal[days];
        for (int i = 0; i < days; i++) {
            costs[i] = BigDecimal.valueOf(level * (0.995 + 0.01 * random.nextDouble())).setScale(4, RoundingMode.HALF_EVEN);
        }
        return costs;
    }
}
