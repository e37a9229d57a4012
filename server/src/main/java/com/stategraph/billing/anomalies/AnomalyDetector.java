package com.stategraph.billing.anomalies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the days of one daily series that left its own history (docs/anomalies.md). Each weekday's
 * offset from the series' median comes from the 8 weeks before the day (the median of 8 Mondays
 * shrugs off three odd ones); the level is the median of the 28 days before, each taken without its
 * weekday's offset; a day is expected at the level plus its weekday's offset, and is an anomaly when
 * it differs from that by more than four robust standard deviations of the 28 days' own residuals
 * (1.4826 times their median absolute deviation), 10 % of the expected cost, and one unit of the currency.
 */
final class AnomalyDetector {
    static final int HISTORY_DAYS = 28;
    /** How far back the weekday offsets are read, and so how much history a series is read with. */
    static final int PROFILE_DAYS = 56;
    /** Two of each weekday: fewer cannot tell a weekend from a drop. */
    static final int MIN_HISTORY_DAYS = 14;
    static final double DEVIATIONS = 4.0;
    static final BigDecimal MIN_RELATIVE = new BigDecimal("0.10");
    static final BigDecimal MIN_DIFFERENCE = BigDecimal.ONE;
    private static final double MAD_TO_SIGMA = 1.4826;

    enum Severity { low, medium, high }

    record Finding(LocalDate day, BigDecimal expected, BigDecimal actual, Severity severity) {
        BigDecimal difference() {
            return actual.subtract(expected);
        }
    }

    /**
     * A series' daily costs from its first day with spend (or the first day read) to its provider's last loaded day.
     *
     * @param begins whether its first day is when its spend began, not when its provider's data does
     */
    record Series(LocalDate first, BigDecimal[] costs, boolean begins) {
    }

    private AnomalyDetector() {
    }

    /**
     * The anomalies of the series' days from {@code checkFrom} on. The last day is usually still being
     * billed, so it can show a spike but never a drop; a series that ends is a drop on its first day
     * without spend only. The series must have been read from 56 days before {@code checkFrom} at
     * least: a series whose first day is checked had no spend in the 56 days before it, it is new.
     */
    static List<Finding> findings(Series series, LocalDate checkFrom) {
        List<Finding> found = new ArrayList<>();
        BigDecimal[] costs = series.costs();
        int start = (int) Math.max(0, checkFrom.toEpochDay() - series.first().toEpochDay());
        for (int t = start; t < costs.length; t++) {
            LocalDate day = series.first().plusDays(t);
            BigDecimal actual = costs[t];
            if (t == 0) {
                if (series.begins() && actual.compareTo(MIN_DIFFERENCE) >= 0) {
                    found.add(new Finding(day, BigDecimal.ZERO, actual, Severity.high));
                }
                continue;
            }
            int from = Math.max(0, t - HISTORY_DAYS);
            if (t - from < MIN_HISTORY_DAYS) {
                continue;
            }
            Baseline baseline = Baseline.of(costs, Math.max(0, t - PROFILE_DAYS), from, t);
            BigDecimal expected = baseline.expected(t);
            BigDecimal difference = actual.subtract(expected);
            boolean drop = difference.signum() < 0;
            if (drop && (t == costs.length - 1 || (actual.signum() == 0 && costs[t - 1].signum() == 0))) {
                continue;
            }
            BigDecimal threshold = MIN_RELATIVE.multiply(expected.abs()).max(MIN_DIFFERENCE)
                    .max(BigDecimal.valueOf(DEVIATIONS * MAD_TO_SIGMA * baseline.residualMad(costs, from, t)));
            if (difference.abs().compareTo(threshold) > 0) {
                found.add(new Finding(day, expected, actual, severity(expected, difference)));
            }
        }
        return found;
    }

    /** High from a change as large as the expected cost (spend doubled, began, or stopped), medium from half of it. */
    static Severity severity(BigDecimal expected, BigDecimal difference) {
        if (expected.signum() == 0) {
            return Severity.high;
        }
        BigDecimal share = difference.abs().divide(expected.abs(), 4, RoundingMode.HALF_EVEN);
        return share.compareTo(BigDecimal.ONE) >= 0 ? Severity.high
                : share.compareTo(new BigDecimal("0.5")) >= 0 ? Severity.medium : Severity.low;
    }

    /** A series' level and weekday offsets before one day. */
    private record Baseline(BigDecimal level, BigDecimal[] offsets, int anchor) {

        /** Offsets from the days {@code [profileFrom, to)}, the level from {@code [from, to)}. */
        static Baseline of(BigDecimal[] costs, int profileFrom, int from, int to) {
            BigDecimal[] profile = java.util.Arrays.copyOfRange(costs, profileFrom, to);
            BigDecimal center = median(profile);
            BigDecimal[] offsets = new BigDecimal[7];
            for (int w = 0; w < 7; w++) {
                List<BigDecimal> same = new ArrayList<>();
                for (int i = profileFrom + w; i < to; i += 7) {
                    same.add(costs[i]);
                }
                offsets[w] = median(same.toArray(BigDecimal[]::new)).subtract(center);
            }
            Baseline partial = new Baseline(BigDecimal.ZERO, offsets, profileFrom);
            BigDecimal[] adjusted = new BigDecimal[to - from];
            for (int i = from; i < to; i++) {
                adjusted[i - from] = costs[i].subtract(partial.offset(i));
            }
            return new Baseline(median(adjusted), offsets, profileFrom);
        }

        BigDecimal offset(int index) {
            return offsets[Math.floorMod(index - anchor, 7)];
        }

        BigDecimal expected(int index) {
            return level.add(offset(index));
        }

        /** How far the days {@code [from, to)} stray from what this baseline expects of them, in their median absolute deviation. */
        double residualMad(BigDecimal[] costs, int from, int to) {
            double[] residuals = new double[to - from];
            for (int i = from; i < to; i++) {
                residuals[i - from] = costs[i].subtract(expected(i)).doubleValue();
            }
            double center = median(residuals);
            for (int i = 0; i < residuals.length; i++) {
                residuals[i] = Math.abs(residuals[i] - center);
            }
            return median(residuals);
        }
    }

    static BigDecimal median(BigDecimal[] values) {
        BigDecimal[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : sorted[n / 2 - 1].add(sorted[n / 2]).divide(BigDecimal.valueOf(2));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
