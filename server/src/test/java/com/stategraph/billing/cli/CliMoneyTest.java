package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The CLI's amounts and quantities for people. */
class CliMoneyTest {

    @Test
    void amountsRoundToMinorUnitsWithoutANegativeZero() {
        assertThat(Money.format("-0.000255", "USD")).isEqualTo("0.00");
        assertThat(Money.format("-1234.567", "USD")).isEqualTo("-1,234.57");
        assertThat(Money.format("1500.5", "JPY")).isEqualTo("1,501");
    }

    @Test
    void quantitiesGroupThousandsAndDropTrailingZeros() {
        assertThat(Money.number(new BigDecimal("1460.000"))).isEqualTo("1,460");
        assertThat(Money.number(new BigDecimal("0.5"))).isEqualTo("0.5");
        assertThat(Money.number(new BigDecimal("2.34567"))).isEqualTo("2.346");
    }
}
