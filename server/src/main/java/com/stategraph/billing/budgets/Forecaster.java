package com.stategraph.billing.budgets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The spend of a period at its end (docs/budgets.md): what is spent so far, plus each remaining day
 * at the mean of its weekday over the trailing 28 loaded days, moved along their trend where they
 * have a clear one, with a 95 % band from those days' own scatter around their weekday means and
 * from how well those means and the trend are known.
 */
final class Forecaster {
    static final int TRAILING_DAYS = 28;
    /** Six weeks: the trend's slope needs more pairs of one weekday than the weekday means need days. */
    static final int SLOPE_DAYS = 42;
    /** A band needs a week of loaded days: fewer cannot say how days scatter. */
    static final int MIN_BAND_DAYS = 7;
    private static final double Z = 1.96;
    private static final MathContext MC = MathContext.DECIMAL64;

    /**
     * @param through the last loaded day; the days after it are forecast
     * @param lower null with fewer than 7 loaded days to forecast from (and forecast is null without any)
     */
    record Forecast(BigDecimal spent, BigDecimal forecast, BigDecimal lower, BigDecimal upper, LocalDate through, long daysRemaining) {
    }

    private Forecaster() {
    }

    /**
     * @param first the day of {@code costs[0]}; the costs run to the last loaded day and cover the
     *              period's days so far and the 28 days before the last one, where loaded
     */
    static Forecast of(LocalDate first, BigDecimal[] costs, LocalDate periodStart, LocalDate periodEnd) {
        LocalDate through = first.plusDays(costs.length - 1L);
        BigDecimal spent = BigDecimal.ZERO;
        for (int i = 0; i < costs.length; i++) {
            LocalDate day = first.plusDays(i);
            if (!day.isBefore(periodStart) && day.isBefore(periodEnd)) {
                spent = spent.add(costs[i]);
            }
        }
        LocalDate from = through.plusDays(1).isAfter(periodStart) ? through.plusDays(1) : periodStart;
        long remaining = Math.max(0, periodEnd.toEpochDay() - from.toEpochDay());
        if (remaining == 0) {
            return new Forecast(spent, spent, spent, spent, through, 0);
        }
        int n = Math.min(TRAILING_DAYS, costs.length);
        if (n == 0) {
            return new Forecast(spent, null, null, null, through, remaining);
        }
        int start = costs.length - n;
        double[] weights = weekdayWeights(first, costs, start);
        Fit fit = Fit.of(first, costs, start, sameWeekdaySlope(first, costs, Math.max(0, costs.length - SLOPE_DAYS), weights), weights);
        if (!fit.clearOfNoise(n)) {
            fit = Fit.of(first, costs, start, 0, weights);
        }
        boolean negative = false;
        for (int i = start; i < costs.length; i++) {
            negative |= costs[i].signum() < 0;
        }
        int[] ahead = new int[7];
        BigDecimal expected = BigDecimal.ZERO;
        double sumAhead = 0;
        for (LocalDate day = from; day.isBefore(periodEnd); day = day.plusDays(1)) {
            int w = weekday(day);
            ahead[w]++;
            long after = day.toEpochDay() - through.toEpochDay();
            sumAhead += after;
            BigDecimal value = fit.means[w].add(BigDecimal.valueOf(fit.slope * weights[w] * after), MC);
            // a falling trend runs out at nothing, unless the history itself had credits
            expected = expected.add(negative ? value : value.max(BigDecimal.ZERO));
        }
        double meansUncertainty = 0;
        for (int w = 0; w < 7; w++) {
            meansUncertainty += (double) ahead[w] * ahead[w] / (fit.samples[w] > 0 ? fit.samples[w] : n);
        }
        BigDecimal forecast = spent.add(expected);
        if (n < MIN_BAND_DAYS) {
            return new Forecast(spent, money(forecast), null, null, through, remaining);
        }
        double slopeUncertainty = fit.slope == 0 ? 0 : Math.pow(fit.slopeError(n) * sumAhead, 2);
        BigDecimal band = BigDecimal.valueOf(Z * Math.sqrt(fit.variance * (remaining + meansUncertainty) + slopeUncertainty));
        BigDecimal lower = forecast.subtract(band);
        if (!negative && lower.compareTo(spent) < 0) {
            lower = spent;
        }
        return new Forecast(spent, money(forecast), money(lower), money(forecast.add(band)), through, remaining);
    }

    /**
     * Each weekday's mean over the days from {@code start} on, against the mean of all of them: a
     * trend moves a weekend that costs half a weekday's by half as much.
     */
    private static double[] weekdayWeights(LocalDate first, BigDecimal[] costs, int start) {
        double[] sums = new double[7];
        int[] samples = new int[7];
        double all = 0;
        for (int i = start; i < costs.length; i++) {
            int w = weekday(first.plusDays(i));
            sums[w] += costs[i].doubleValue();
            samples[w]++;
            all += costs[i].doubleValue();
        }
        double mean = all / (costs.length - start);
        double[] weights = new double[7];
        for (int w = 0; w < 7; w++) {
            weights[w] = samples[w] == 0 || mean <= 0 ? 1 : Math.max(0, sums[w] / samples[w] / mean);
        }
        return weights;
    }

    /**
     * The trend of the days from {@code start} on, per day of average weight: the median slope
     * between days of the same weekday, each divided by its weekday's weight (Theil-Sen over those
     * pairs, which the weekly pattern and a spike cannot bend); 0 under two weeks.
     */
    private static double sameWeekdaySlope(LocalDate first, BigDecimal[] costs, int start, double[] weights) {
        List<Double> slopes = new ArrayList<>();
        for (int i = start; i < costs.length; i++) {
            double weight = weights[weekday(first.plusDays(i))];
            for (int j = i + 7; j < costs.length && weight > 0; j += 7) {
                slopes.add(costs[j].subtract(costs[i]).doubleValue() / (j - i) / weight);
            }
        }
        if (slopes.size() < 7) {
            return 0;
        }
        double[] sorted = slopes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int k = sorted.length;
        return k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
    }

    /** Weekday means of the days taken back to the last day along the slope, and how the days scatter around them. */
    private record Fit(double slope, BigDecimal[] means, int[] samples, double variance) {

        static Fit of(LocalDate first, BigDecimal[] costs, int start, double slope, double[] weights) {
            int last = costs.length - 1;
            int n = costs.length - start;
            BigDecimal[] sums = new BigDecimal[7];
            int[] samples = new int[7];
            BigDecimal all = BigDecimal.ZERO;
            BigDecimal[] level = new BigDecimal[costs.length];
            for (int i = start; i < costs.length; i++) {
                int w = weekday(first.plusDays(i));
                level[i] = costs[i].add(BigDecimal.valueOf(slope * weights[w] * (last - i)), MC);
                sums[w] = sums[w] == null ? level[i] : sums[w].add(level[i]);
                samples[w]++;
                all = all.add(level[i]);
            }
            BigDecimal overall = all.divide(BigDecimal.valueOf(n), MC);
            BigDecimal[] means = new BigDecimal[7];
            int fitted = 0;
            for (int w = 0; w < 7; w++) {
                if (samples[w] > 0) {
                    means[w] = sums[w].divide(BigDecimal.valueOf(samples[w]), MC);
                    fitted++;
                } else {
                    means[w] = overall;
                }
            }
            double squares = 0;
            for (int i = start; i < costs.length; i++) {
                double e = level[i].subtract(means[weekday(first.plusDays(i))]).doubleValue();
                squares += e * e;
            }
            return new Fit(slope, means, samples, squares / Math.max(1, n - fitted - (slope == 0 ? 0 : 1)));
        }

        /** A least-squares line's standard error for the slope over n days with this scatter. */
        double slopeError(int n) {
            return Math.sqrt(variance * 12.0 / ((double) n * n * n));
        }

        /** Whether the slope stands five of those errors clear of none: a chance slope would only add error. */
        boolean clearOfNoise(int n) {
            return slope != 0 && Math.abs(slope) > 5 * slopeError(n);
        }
    }

    private static int weekday(LocalDate day) {
        return day.getDayOfWeek().getValue() - 1;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
