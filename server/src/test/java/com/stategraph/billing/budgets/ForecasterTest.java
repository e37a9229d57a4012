package com.stategraph.billing.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Backtests on generated histories: the month-end forecast from part of a month against what the whole month cost. */
class ForecasterTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);

    /** Weekdays about 1,000, weekends about 400, each within 10 % of that, for six months. */
    private static BigDecimal[] stable(long seed) {
        Random random = new Random(seed);
        int days = (int) (FIRST.plusMonths(6).toEpochDay() - FIRST.toEpochDay());
        BigDecimal[] costs = new BigDecimal[days];
        for (int i = 0; i < days; i++) {
            DayOfWeek d = FIRST.plusDays(i).getDayOfWeek();
            double base = d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 400 : 1000;
            costs[i] = BigDecimal.valueOf(base * (0.9 + 0.2 * random.nextDouble())).setScale(2, RoundingMode.HALF_EVEN);
        }
        return costs;
    }

    private static BigDecimal total(BigDecimal[] costs, LocalDate from, LocalDate to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            sum = sum.add(costs[(int) (d.toEpochDay() - FIRST.toEpochDay())]);
        }
        return sum;
    }

    @Test
    void aStableHistorysMonthEndLandsInTheBand() {
        int trials = 0;
        int inside = 0;
        List<Double> errors = new ArrayList<>();
        for (long seed = 1; seed <= 60; seed++) {
            BigDecimal[] costs = stable(seed);
            for (int month = 2; month <= 5; month++) {
                LocalDate start = FIRST.plusMonths(month);
                LocalDate end = start.plusMonths(1);
                BigDecimal actual = total(costs, start, end);
                for (int cut : new int[] {3, 10, 17, 24}) {
                    LocalDate through = start.plusDays(cut - 1L);
                    BigDecimal[] known = Arrays.copyOf(costs, (int) (through.toEpochDay() - FIRST.toEpochDay() + 1));
                    Forecaster.Forecast f = Forecaster.of(FIRST, known, start, end);
                    assertThat(f.spent()).isEqualByComparingTo(total(costs, start, through.plusDays(1)));
                    assertThat(f.lower()).isLessThanOrEqualTo(f.forecast());
                    assertThat(f.upper()).isGreaterThanOrEqualTo(f.forecast());
                    assertThat(f.daysRemaining()).isEqualTo(end.toEpochDay() - through.toEpochDay() - 1);
                    trials++;
                    if (actual.compareTo(f.lower()) >= 0 && actual.compareTo(f.upper()) <= 0) {
                        inside++;
                    }
                    errors.add(f.forecast().subtract(actual).abs().doubleValue() / actual.doubleValue());
                    // a useful band: narrower than a tenth of the month
                    assertThat(f.upper().subtract(f.lower()).doubleValue()).isLessThan(actual.doubleValue() / 10);
                }
            }
        }
        assertThat(trials).isEqualTo(60 * 4 * 4);
        assertThat((double) inside / trials).as("share of month ends inside the 95 %% band").isGreaterThanOrEqualTo(0.9);
        errors.sort(Double::compare);
        assertThat(errors.get(errors.size() / 2)).as("median error").isLessThan(0.02);
    }

    @Test
    void aFinishedPeriodIsWhatItCost() {
        BigDecimal[] costs = stable(1);
        LocalDate start = FIRST.plusMonths(1);
        LocalDate end = start.plusMonths(1);
        BigDecimal[] known = Arrays.copyOf(costs, (int) (end.toEpochDay() - FIRST.toEpochDay() + 5));
        Forecaster.Forecast f = Forecaster.of(FIRST, known, start, end);
        BigDecimal actual = total(costs, start, end);
        assertThat(f.spent()).isEqualByComparingTo(actual);
        assertThat(f.forecast()).isEqualByComparingTo(actual);
        assertThat(f.lower()).isEqualByComparingTo(actual);
        assertThat(f.upper()).isEqualByComparingTo(actual);
        assertThat(f.daysRemaining()).isZero();
    }

    @Test
    void aPeriodNotStartedIsForecastFromTheTrailingDays() {
        BigDecimal[] costs = Arrays.copyOf(stable(2), 61);
        LocalDate start = FIRST.plusMonths(3);
        Forecaster.Forecast f = Forecaster.of(FIRST, costs, start, start.plusMonths(3));
        assertThat(f.spent()).isEqualByComparingTo("0");
        long days = start.plusMonths(3).toEpochDay() - start.toEpochDay();
        assertThat(f.daysRemaining()).isEqualTo(days);
        // about 5/7 of the days at 1,000 and 2/7 at 400
        double perDay = (5 * 1000 + 2 * 400) / 7.0;
        assertThat(f.forecast().doubleValue()).isBetween(perDay * days * 0.97, perDay * days * 1.03);
    }

    @Test
    void withoutHistoryThereIsNoForecast() {
        LocalDate start = FIRST;
        Forecaster.Forecast f = Forecaster.of(FIRST, new BigDecimal[0], start, start.plusMonths(1));
        assertThat(f.forecast()).isNull();
        assertThat(f.spent()).isEqualByComparingTo("0");
    }

    @Test
    void lessThanAWeekOfHistoryForecastsWithoutABand() {
        BigDecimal[] costs = {new BigDecimal("69"), new BigDecimal("71")};
        LocalDate start = FIRST;
        Forecaster.Forecast f = Forecaster.of(FIRST, costs, start, start.plusMonths(1));
        assertThat(f.spent()).isEqualByComparingTo("140");
        // every remaining day at the mean of the two: 70
        long left = start.plusMonths(1).toEpochDay() - FIRST.plusDays(2).toEpochDay();
        assertThat(f.forecast()).isEqualByComparingTo(BigDecimal.valueOf(140 + 70 * left));
        assertThat(f.lower()).isNull();
        assertThat(f.upper()).isNull();
    }

    @Test
    void theLowerBoundNeverFallsBelowWhatIsSpentWhenNothingIsCredited() {
        BigDecimal[] costs = new BigDecimal[40];
        Random random = new Random(3);
        for (int i = 0; i < costs.length; i++) {
            costs[i] = BigDecimal.valueOf(random.nextInt(1000));
        }
        LocalDate start = FIRST.plusMonths(1);
        Forecaster.Forecast f = Forecaster.of(FIRST, costs, start, start.plusMonths(1));
        assertThat(f.lower()).isGreaterThanOrEqualTo(f.spent());
    }

    /** From {@code from} to {@code to} a day in a straight line over three months, weekends at 60 %, each day within 5 %. */
    private static BigDecimal[] trending(long seed, double from, double to) {
        Random random = new Random(seed);
        int days = (int) (FIRST.plusMonths(3).toEpochDay() - FIRST.toEpochDay());
        BigDecimal[] costs = new BigDecimal[days];
        for (int i = 0; i < days; i++) {
            DayOfWeek d = FIRST.plusDays(i).getDayOfWeek();
            double level = from + (to - from) * i / (days - 1);
            double weekly = d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 0.6 : 1.0;
            costs[i] = BigDecimal.valueOf(level * weekly * (0.95 + 0.1 * random.nextDouble())).setScale(2, RoundingMode.HALF_EVEN);
        }
        return costs;
    }

    @Test
    void aTrendingHistorysMonthEndIsWithinFivePercent() {
        int trials = 0;
        int inside = 0;
        for (double[] trend : new double[][] {{40, 170}, {170, 40}, {100, 300}}) {
            for (long seed = 1; seed <= 30; seed++) {
                BigDecimal[] costs = trending(seed, trend[0], trend[1]);
                LocalDate start = FIRST.plusMonths(2);
                LocalDate end = start.plusMonths(1);
                BigDecimal actual = total(costs, start, end);
                for (int known : new int[] {7, 10, 14, 21}) {
                    LocalDate through = start.plusDays(known - 1L);
                    BigDecimal[] history = Arrays.copyOf(costs, (int) (through.toEpochDay() - FIRST.toEpochDay() + 1));
                    Forecaster.Forecast f = Forecaster.of(FIRST, history, start, end);
                    double error = f.forecast().subtract(actual).doubleValue() / actual.doubleValue();
                    assertThat(Math.abs(error)).as("%s to %s, seed %d, %d days known: %.3f", trend[0], trend[1], seed, known, error)
                            .isLessThan(0.05);
                    if (actual.compareTo(f.lower()) >= 0 && actual.compareTo(f.upper()) <= 0) {
                        inside++;
                    }
                    trials++;
                }
            }
        }
        assertThat(trials).isEqualTo(3 * 30 * 4);
        // a 95 % band: what the month cost lies in it nearly always
        assertThat((double) inside / trials).isGreaterThan(0.9);
    }
}
