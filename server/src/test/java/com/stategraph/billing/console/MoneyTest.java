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
        assertThat(Money.format("-0.000255", "USD")).as("no negative zero").isEqualTo("USD 0.00");
    }

    @Test
    void exactAmountsKeepEveryDigit() {
        assertThat(Money.exact("1444.6251000", "USD")).isEqualTo("USD 1,444.6251");
        assertThat(Money.exact("1444.6", "USD")).isEqualTo("USD 1,444.60");
        assertThat(Money.exact("0.000000000000000001", "EUR")).isEqualTo("EUR 0.000000000000000001");
    }

    @Test
    void differencesReadAsPercentagesOrTimesTheEstimate() {
        record Case(String estimate, String actual, String reads) {
        }
        for (Case c : java.util.List.of(new Case("100", "112", "+12 %"), new Case("100", "92", "-8 %"), new Case("100", "100.5", "+0.5 %"),
                new Case("100", "340", "x3.4"), new Case("0.14", "264.49", "x1889.2"), new Case("100", "199.4", "+99 %"),
                new Case("100", "0", "-100 %"))) {
            java.math.BigDecimal estimate = new java.math.BigDecimal(c.estimate());
            java.math.BigDecimal percent = new java.math.BigDecimal(c.actual()).subtract(estimate).multiply(java.math.BigDecimal.valueOf(100))
                    .divide(estimate, 1, java.math.RoundingMode.HALF_EVEN);
            org.assertj.core.api.Assertions.assertThat(Money.difference(percent)).as(c.toString()).isEqualTo(c.reads());
        }
    }
}
