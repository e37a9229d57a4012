package com.stategraph.billing.budgets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The spend of a period at its end (docs/budgets.md): what is spent so far, plus each remaining day
 * at the mean of its weekday over the trailing 28 loaded days, with a 95 % band from those days'
 * own scatter around their weekday means and from how well those means are known.
 */
final class Forecaster {
    static final int TRAILING_DAYS = 28;
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
        BigDecimal[] sums = new BigDecimal[7];
        int[] samples = new int[7];
        BigDecimal all = BigDecimal.ZERO;
        boolean negative = false;
        for (int i = start; i < costs.length; i++) {
            int w = weekday(first.plusDays(i));
            sums[w] = sums[w] == null ? costs[i] : sums[w].add(costs[i]);
            samples[w]++;
            all = all.add(costs[i]);
            negative |= costs[i].signum() < 0;
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
            double e = costs[i].subtract(means[weekday(first.plusDays(i))]).doubleValue();
            squares += e * e;
        }
        double variance = squares / Math.max(1, n - fitted);
        int[] ahead = new int[7];
        BigDecimal expected = BigDecimal.ZERO;
        for (LocalDate day = from; day.isBefore(periodEnd); day = day.plusDays(1)) {
            int w = weekday(day);
            ahead[w]++;
            expected = expected.add(means[w]);
        }
        double meansUncertainty = 0;
        for (int w = 0; w < 7; w++) {
            meansUncertainty += (double) ahead[w] * ahead[w] / (samples[w] > 0 ? samples[w] : n);
        }
        BigDecimal forecast = spent.add(expected);
        if (n < MIN_BAND_DAYS) {
            return new Forecast(spent, money(forecast), null, null, through, remaining);
        }
        BigDecimal band = BigDecimal.valueOf(Z * Math.sqrt(variance * (remaining + meansUncertainty)));
        BigDecimal lower = forecast.subtract(band);
        if (!negative && lower.compareTo(spent) < 0) {
            lower = spent;
        }
        return new Forecast(spent, money(forecast), money(lower), money(forecast.add(band)), through, remaining);
    }

    private static int weekday(LocalDate day) {
        return day.getDayOfWeek().getValue() - 1;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
