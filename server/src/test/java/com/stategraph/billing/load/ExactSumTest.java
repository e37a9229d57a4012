package com.stategraph.billing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rollups' running sums give exactly what adding BigDecimals gives, scale included, whatever the values. */
class ExactSumTest {

    private static BigDecimal sumOf(List<BigDecimal> values) {
        ExactSum sum = new ExactSum();
        ExactSum.Addend a = new ExactSum.Addend();
        for (BigDecimal v : values) {
            a.set(v);
            sum.add(a);
        }
        return sum.value();
    }

    private static BigDecimal expected(List<BigDecimal> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v == null ? BigDecimal.ZERO : v);
        }
        return s;
    }

    @Test
    void mixedScalesSignsAndNullsAddUpExactly() {
        Random r = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<BigDecimal> values = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                values.add(r.nextInt(20) == 0 ? null : BigDecimal.valueOf(r.nextLong() % 10_000_000_000L, r.nextInt(15)));
            }
            BigDecimal got = sumOf(values);
            assertThat(got).isEqualTo(expected(values));
            assertThat(got.scale()).isEqualTo(expected(values).scale());
        }
    }

    @Test
    void sumsPastALongAndValuesPastEighteenDigitsFallBackToBigDecimal() {
        List<BigDecimal> overflow = List.of(BigDecimal.valueOf(Long.MAX_VALUE - 5, 2), BigDecimal.valueOf(Long.MAX_VALUE - 7, 2),
                new BigDecimal("0.001"));
        assertThat(sumOf(overflow)).isEqualTo(expected(overflow));
        List<BigDecimal> huge = List.of(new BigDecimal("1.5"), new BigDecimal(BigInteger.TEN.pow(40), 3), new BigDecimal("-2.25"),
                new BigDecimal("1E+5"), new BigDecimal("0.000000000000000000001"));
        assertThat(sumOf(huge)).isEqualTo(expected(huge));
        // Raising the running sum's scale is what overflows here: 9e17 units at scale 0, then a value at scale 2.
        List<BigDecimal> rescale = List.of(BigDecimal.valueOf(900_000_000_000_000_000L), new BigDecimal("0.01"));
        assertThat(sumOf(rescale)).isEqualTo(expected(rescale));
        List<BigDecimal> negativeScale = List.of(new BigDecimal("1E+3"), new BigDecimal("2E+1"));
        assertThat(sumOf(negativeScale).toPlainString()).isEqualTo(expected(negativeScale).toPlainString());
    }

    /** A row's decimal as the normaliser keeps it (unscaled and scale, or a BigDecimal past 18 digits) adds up as the BigDecimal does. */
    @Test
    void aRowsDecimalAddsAsItsBigDecimal() {
        java.util.List<String> header = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ChargeCategory");
        com.stategraph.billing.format.FocusNormaliser normaliser = new com.stategraph.billing.format.FocusNormaliser("file:///t.csv", header,
                new com.stategraph.billing.format.ConformanceFindings());
        Random r = new Random(5);
        List<BigDecimal> values = new ArrayList<>();
        ExactSum sum = new ExactSum();
        ExactSum.Addend a = new ExactSum.Addend();
        for (int i = 0; i < 5_000; i++) {
            String text = switch (i % 5) {
                case 0 -> BigDecimal.valueOf(r.nextLong() % 100_000_000_000L, r.nextInt(12)).toPlainString();
                case 1 -> "-" + r.nextInt(1000) + "." + r.nextInt(100);
                case 2 -> new BigDecimal(BigInteger.valueOf(r.nextLong()).pow(2), r.nextInt(30)).toPlainString();
                case 3 -> r.nextInt(1000) + "E-" + r.nextInt(5);
                default -> String.valueOf(r.nextDouble() * 1000);
            };
            com.stategraph.billing.format.CanonicalRow row = normaliser.normalise(
                    new Object[] {text, "USD", "2024-03-01T00:00:00Z", "2024-03-05T00:00:00Z", "Usage"}, i + 1);
            values.add(new BigDecimal(text));
            a.set(row, com.stategraph.billing.format.FocusColumn.BILLED_COST);
            sum.add(a);
        }
        assertThat(values.stream().filter(v -> v.precision() > 18)).as("some values past a long").isNotEmpty();
        assertThat(sum.value()).isEqualTo(expected(values));
    }
}
