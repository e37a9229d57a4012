package com.stategraph.billing.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsShowTheCurrencysMinorUnitsWithThousandsGrouped() {
        assertThat(Money.format("1444.625", "USD")).isEqualTo("USD 1,444.63");
        assertThat(Money.format("-1234567.004", "EUR")).isEqualTo("EUR -1,234,567.00");
        assertThat(Money.format("1500.5", "JPY")).as("yen have no minor unit").isEqualTo("JPY 1,501");
        assertThat(Money.format("1.2345", "BHD")).as("three minor digits").isEqualTo("BHD 1.235");
        assertThat(Money.format("7", "XYZ")).as("a code Java does not know").isEqualTo("XYZ 7.00");
    }

    @Test
    void exactAmountsKeepEveryDigit() {
        assertThat(Money.exact("1444.6251000", "USD")).isEqualTo("USD 1,444.6251");
        assertThat(Money.exact("1444.6", "USD")).isEqualTo("USD 1,444.60");
        assertThat(Money.exact("0.000000000000000001", "EUR")).isEqualTo("EUR 0.000000000000000001");
    }
}
