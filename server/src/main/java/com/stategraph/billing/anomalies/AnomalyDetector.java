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
 * (1.4826 times their median absolute deviation) and 10 % of the expected cost, and the difference is
 * material: at least a share of the series' trailing monthly cost and an amount of its currency.
 * A change that lasts is one anomaly, on its first day: the series' history restarts there.
 */
final class AnomalyDetector {
    static final int HISTORY_DAYS = 28;
    /** How far back the weekday offsets are read, and so how much history a series is read with. */
    static final int PROFILE_DAYS = 56;
    /** Two of each weekday: fewer cannot tell a weekend from a drop. */
    static final int MIN_HISTORY_DAYS = 14;
    /** Consecutive days off the baseline in one direction after which the change is the series' new level. */
    static final int LASTING_DAYS = 3;
    static final double DEVIATIONS = 4.0;
    static final BigDecimal MIN_RELATIVE = new BigDecimal("0.10");
    /** Severity by the difference's share of the series' trailing monthly cost. */
    static final BigDecimal HIGH_SHARE = new BigDecimal("0.05");
    static final BigDecimal MEDIUM_SHARE = new BigDecimal("0.02");
    private static final BigDecimal MONTH_DAYS = BigDecimal.valueOf(30);
    private static final double MAD_TO_SIGMA = 1.4826;

    enum Severity { low, medium, high }

    record Finding(LocalDate day, BigDecimal expected, BigDecimal actual, Severity severity) {
        BigDecimal difference() {
            return actual.subtract(expected);
        }
    }

    /**
     * What makes a difference worth an alert: at least {@code share} of the series' trailing monthly
     * cost and at least {@code amount} units of its currency.
     */
    record Materiality(BigDecimal share, BigDecimal amount) {
        static final Materiality DEFAULT = new Materiality(new BigDecimal("0.01"), BigDecimal.TEN);
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

    static List<Finding> findings(Series series, LocalDate checkFrom) {
        return findings(series, checkFrom, Materiality.DEFAULT);
    }

    /**
     * The anomalies of the series' days from {@code checkFrom} on. The last day is usually still being
     * billed, so it can show a spike but never a drop; a series that ends is a drop on its first day
     * without spend only. The series must have been read from 56 days before {@code checkFrom} at
     * least: a series whose first day is checked had no spend in the 56 days before it, it is new.
     */
    static List<Finding> findings(Series series, LocalDate checkFrom, Materiality materiality) {
        List<Finding> found = new ArrayList<>();
        BigDecimal[] costs = series.costs();
        int start = (int) Math.max(0, checkFrom.toEpochDay() - series.first().toEpochDay());
        // the history restarts where a lasting change began, so the old level never judges the new one
        int restart = 0;
        Event event = null;
        for (int t = 0; t < costs.length; t++) {
            boolean checked = t >= start;
            LocalDate day = series.first().plusDays(t);
            BigDecimal actual = costs[t];
            if (t == 0) {
                if (checked && series.begins() && actual.compareTo(materiality.amount()) >= 0) {
                    found.add(new Finding(day, BigDecimal.ZERO, actual, Severity.high));
                }
                continue;
            }
            int from = Math.max(restart, t - HISTORY_DAYS);
            if (t - from < MIN_HISTORY_DAYS) {
                continue;
            }
            Baseline baseline = Baseline.of(costs, Math.max(restart, t - PROFILE_DAYS), from, t);
            BigDecimal expected = baseline.expected(t);
            BigDecimal difference = actual.subtract(expected);
            boolean drop = difference.signum() < 0;
            if (drop && (t == costs.length - 1 || (actual.signum() == 0 && costs[t - 1].signum() == 0))) {
                continue;
            }
            BigDecimal noise = MIN_RELATIVE.multiply(expected.abs())
                    .max(BigDecimal.valueOf(DEVIATIONS * MAD_TO_SIGMA * baseline.residualMad(costs, from, t)));
            if (difference.abs().compareTo(noise) <= 0) {
                continue;
            }
            event = event != null && event.continuedBy(t, difference.signum()) ? event.with(t) : new Event(t, difference.signum());
            BigDecimal monthly = trailingMonthly(costs, from, t);
            boolean material = difference.abs().compareTo(materiality.amount().max(materiality.share().multiply(monthly.abs()))) >= 0;
            if (material && !event.reported()) {
                if (checked) {
                    found.add(new Finding(day, expected, actual, severity(monthly, difference)));
                }
                event = event.reporting();
            }
            if (event.days() == LASTING_DAYS) {
                restart = event.start();
                event = null;
            }
        }
        return found;
    }

    /**
     * Days off the baseline in one direction, no more than {@code GAP_DAYS} apart: one change,
     * reported once (on its first material day).
     */
    private record Event(int start, int sign, int last, int days, boolean reported) {
        static final int GAP_DAYS = 3;

        Event(int start, int sign) {
            this(start, sign, start, 1, false);
        }

        boolean continuedBy(int t, int direction) {
            return direction == sign && t - last <= GAP_DAYS;
        }

        Event with(int t) {
            return new Event(start, sign, t, days + 1, reported);
        }

        Event reporting() {
            return new Event(start, sign, last, days, true);
        }
    }

    /** The cost of the days {@code [from, to)} scaled to 30 days. */
    static BigDecimal trailingMonthly(BigDecimal[] costs, int from, int to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            sum = sum.add(costs[i]);
        }
        return sum.multiply(MONTH_DAYS).divide(BigDecimal.valueOf(to - from), 6, RoundingMode.HALF_EVEN);
    }

    /** High from 5 % of the series' trailing monthly cost (or any spend that began from nothing), medium from 2 %. */
    static Severity severity(BigDecimal monthly, BigDecimal difference) {
        if (monthly.signum() <= 0) {
            return Severity.high;
        }
        BigDecimal share = difference.abs().divide(monthly, 6, RoundingMode.HALF_EVEN);
        return share.compareTo(HIGH_SHARE) >= 0 ? Severity.high
                : share.compareTo(MEDIUM_SHARE) >= 0 ? Severity.medium : Severity.low;
    }

    /** A series' level and weekday offsets before one day. */
    private record Baseline(BigDecimal level, BigDecimal slope, int at, BigDecimal[] offsets, int anchor) {

        /**
         * The trend from {@code [from, to)}: Theil-Sen over pairs of the same weekday (the median of
         * their slopes, which neither a spike nor the weekly pattern can bend), kept only when it is
         * clear of the noise. The weekday offsets from {@code [profileFrom, to)} without that trend,
         * and the level at {@code to} from {@code [from, to)} without either.
         */
        static Baseline of(BigDecimal[] costs, int profileFrom, int from, int to) {
            double[] values = new double[to];
            for (int i = profileFrom; i < to; i++) {
                values[i] = costs[i].doubleValue();
            }
            List<Double> slopes = new ArrayList<>();
            for (int i = from; i < to; i++) {
                for (int j = i + 7; j < to; j += 7) {
                    slopes.add((values[j] - values[i]) / (j - i));
                }
            }
            double slope = slopes.isEmpty() ? 0 : median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
            Baseline trending = fit(values, profileFrom, from, to, slope);
            return trending.clearOfNoise(values, from, to) ? trending : fit(values, profileFrom, from, to, 0);
        }

        private static Baseline fit(double[] values, int profileFrom, int from, int to, double slope) {
            double[] detrended = new double[to - profileFrom];
            for (int i = profileFrom; i < to; i++) {
                detrended[i - profileFrom] = values[i] - slope * (i - to);
            }
            double center = median(detrended);
            BigDecimal[] offsets = new BigDecimal[7];
            for (int w = 0; w < 7; w++) {
                List<Double> same = new ArrayList<>();
                for (int i = w; i < detrended.length; i += 7) {
                    same.add(detrended[i]);
                }
                offsets[w] = BigDecimal.valueOf(median(same.stream().mapToDouble(Double::doubleValue).toArray()) - center);
            }
            Baseline partial = new Baseline(BigDecimal.ZERO, BigDecimal.valueOf(slope), to, offsets, profileFrom);
            double[] projected = new double[to - from];
            for (int i = from; i < to; i++) {
                projected[i - from] = values[i] - partial.offset(i).doubleValue() + slope * (to - i);
            }
            return new Baseline(BigDecimal.valueOf(median(projected)).setScale(6, RoundingMode.HALF_EVEN), partial.slope(), to,
                    offsets, profileFrom);
        }

        /**
         * Whether the slope is more than five standard errors (as a least-squares line's would be)
         * from none: pairs of one weekday scatter more than that, and on a flat, noisy series a chance
         * slope would only move the level.
         */
        private boolean clearOfNoise(double[] values, int from, int to) {
            int n = to - from;
            double[] residuals = new double[n];
            for (int i = from; i < to; i++) {
                residuals[i - from] = values[i] - expected(i).doubleValue();
            }
            double center = median(residuals);
            for (int i = 0; i < n; i++) {
                residuals[i] = Math.abs(residuals[i] - center);
            }
            double standardError = MAD_TO_SIGMA * median(residuals) * Math.sqrt(12.0 / ((double) n * n * n));
            return Math.abs(slope.doubleValue()) > 5 * standardError;
        }

        BigDecimal offset(int index) {
            return offsets[Math.floorMod(index - anchor, 7)];
        }

        BigDecimal expected(int index) {
            return level.add(slope.multiply(BigDecimal.valueOf(index - at))).add(offset(index)).setScale(6, RoundingMode.HALF_EVEN);
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
