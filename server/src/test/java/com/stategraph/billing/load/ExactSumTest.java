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
}
