package com.stategraph.billing.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Column matching, value conversion and conformance findings of one row at a time. */
class FocusNormaliserTest {
    private static final List<String> HEADER = List.of("billedCOST", "BillingCurrency", "BillingPeriodStart",
            "ChargePeriodStart", "ChargeCategory", "ListCost", "Tags", "x_Custom", "Id");

    private static CanonicalRow normalise(ConformanceFindings findings, Object... values) {
        return new FocusNormaliser("file:///t.csv", HEADER, findings).normalise(values, 7);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-01-01T00:00:00Z      | 2024-01-01T00:00:00Z",
            "2024-01-01T00:00Z         | 2024-01-01T00:00:00Z",
            "2024-09-01 00:00:00       | 2024-09-01T00:00:00Z",
            "2024-01-01T00:00:00.5+02:00 | 2023-12-31T22:00:00.500Z",
            "2024-01-01                | 2024-01-01T00:00:00Z",
            "2024-01-01T08:00:00       | 2024-01-01T08:00:00Z"})
    void readsTheTimestampFormsExportsWrite(String text, String utc) {
        assertThat(TimestampText.parseUncached(text)).isEqualTo(Instant.parse(utc));
    }

    private static String text(Object value) {
        return DecimalText.text(value, DecimalText.of(value));
    }

    @Test
    void decimalsStayExact() {
        assertThat(text("0.1000000000000000000001")).isEqualTo("0.1000000000000000000001");
        assertThat(DecimalText.of("0.1000000000000000000001")).isEqualByComparingTo("0.1000000000000000000001");
        assertThat(text(0.1)).isEqualTo("0.1");
        assertThat(DecimalText.of(0.1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(text(new BigDecimal("1E+3"))).isEqualTo("1E+3");
        assertThat(new BigDecimal(text(1.0E-7))).isEqualByComparingTo("0.0000001");
        assertThat(DecimalText.of("1,5")).isNull();
        assertThat(DecimalText.of(Double.NaN)).isNull();
        assertThat(DecimalText.of("Infinity")).isNull();
    }

    /**
     * A double's text is its shortest round-tripping decimal, as BigDecimal writes it: the same text
     * as the exact value's, whatever the magnitude (plain digits, or an exponent), and never a digit
     * more than needed (Java 17's Double.toString gives 1.9999999999999998E23 for 2e23).
     */
    @Test
    void aDoubleIsItsShortestDecimal() {
        DecimalText.Parsed parsed = new DecimalText.Parsed();
        assertThat(parsed.parse(2e23)).isTrue();
        assertThat(parsed.text).isEqualTo("2.0E+23");
        assertThat(parsed.exact()).isEqualByComparingTo("2E23");
        assertThat(parsed.parse(0.1f)).isTrue();
        assertThat(parsed.text).isEqualTo("0.1");
        assertThat(parsed.parse(Double.POSITIVE_INFINITY)).isFalse();
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            // costs as exports write them (a few decimals, any magnitude) and arbitrary doubles
            double d = i % 2 == 0 ? Math.round(random.nextDouble() * 1e8) / Math.pow(10, random.nextInt(12))
                    : Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            assertThat(parsed.parse(d)).isTrue();
            assertThat(parsed.text).as("text of %s", d).isEqualTo(parsed.exact().toString());
            assertThat(Double.parseDouble(parsed.text)).as("round trip of %s", d).isEqualTo(d);
            assertThat(parsed.exact().stripTrailingZeros().precision()).as("digits of %s", d)
                    .isLessThanOrEqualTo(new BigDecimal(Double.toString(d)).stripTrailingZeros().precision());
        }
    }

    /**
     * Decimal text is read without a BigDecimal when it is plain digits that fit a long; whatever
     * the form, the value read is BigDecimal's, scale included, and the text is kept as written.
     */
    @Test
    void decimalTextReadsAsBigDecimalReadsItWithOrWithoutOne() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        String[] fixed = {"0", "-0", "+5", "5.", ".5", "-.5", "007.2500", "-0.0", "123456789012345678", "1234567890123456789",
                "0.000000000000000000000000000000000000000000001", "99999999999999999.9", "1e5", "1.5E-3", ".", "-", "+", "",
                "1..2", "1.2.3", "--1", "1-", " 12.50 ", "0x10", "١٢"};
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(fixed));
        String alphabet = "0123456789.-+";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(i % 4 == 0 ? 25 : 12);
            for (int j = 0; j < n; j++) {
                b.append(j == 0 || random.nextInt(6) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(10)));
            }
            texts.add(b.toString());
        }
        int compact = 0;
        for (String text : texts) {
            DecimalText.Parsed parsed = new DecimalText.Parsed();
            BigDecimal expected = DecimalText.of(text);
            assertThat(parsed.parse(text)).as("%s", text).isEqualTo(expected != null);
            if (expected == null) {
                continue;
            }
            assertThat(parsed.exact()).as("%s", text).isEqualTo(expected);
            assertThat(parsed.text).as("%s", text).isEqualTo(text.trim());
            if (parsed.compact) {
                compact++;
                assertThat(BigDecimal.valueOf(parsed.unscaled, parsed.scale)).isEqualTo(expected);
            }
        }
        assertThat(compact).as("plain digits are read without a BigDecimal").isGreaterThan(texts.size() / 4);
    }

    /** Recent doubles are remembered: 10,000 values, many sharing a slot, each parsed as a fresh parser parses it, twice over. */
    @Test
    void aRememberedDoubleIsNeverAnother() {
        DecimalText.Parsed remembering = new DecimalText.Parsed();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(random.nextDouble() * 1e6) / 1e4 * (i % 3 == 0 ? -1 : 1);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < values.length; i++) {
                double d = values[(i * 7919) % values.length];
                DecimalText.Parsed fresh = new DecimalText.Parsed();
                assertThat(fresh.parse(d)).isTrue();
                assertThat(remembering.parse(d)).isTrue();
                assertThat(remembering.text).isEqualTo(fresh.text);
                assertThat(remembering.exact()).isEqualTo(fresh.exact());
                assertThat(remembering.exact().doubleValue()).isEqualTo(d);
            }
        }
        // -0.0 is another double than 0.0, the same decimal (BigDecimal has no negative zero)
        remembering.parse(-0.0);
        assertThat(remembering.text).isEqualTo("0.0");
        remembering.parse(-1.5);
        assertThat(remembering.text).isEqualTo("-1.5");
    }

    @Test
    void matchesColumnsCaseInsensitivelyAndKeepsTheRestInExtra() {
        ConformanceFindings findings = new ConformanceFindings();
        CanonicalRow row = normalise(findings, "12.50", "USD", "2024-03-01T00:00:00Z", "2024-03-05T00:00Z", "usage", "-1",
                "{\" Team \": \"core\", \"env\": \"prod\"}", "abc", "row-1");

        assertThat(row.get(FocusColumn.BILLED_COST)).isEqualTo("12.50");
        assertThat(row.decimal(FocusColumn.BILLED_COST)).isEqualTo(new BigDecimal("12.50"));
        assertThat(row.decimal(FocusColumn.EFFECTIVE_COST)).isNull();
        assertThat(row.chargeDay()).isEqualTo(java.time.LocalDate.of(2024, 3, 5));
        assertThat(row.chargeStart()).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(row.get(FocusColumn.CHARGE_CATEGORY)).isEqualTo("Usage");
        assertThat(row.get(FocusColumn.CHARGE_PERIOD_START)).isEqualTo("2024-03-05T00:00:00Z");
        assertThat(row.get(FocusColumn.TAGS)).isEqualTo("{\"Team\":\"core\",\"env\":\"prod\"}");
        assertThat(row.extra()).isEqualTo("{\"x_Custom\":\"abc\",\"Id\":\"row-1\"}");
        assertThat(row.billingPeriod()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(findings.warnings()).extracting(ConformanceFindings.Warning::code).containsExactly("NEGATIVE_LIST_COST");
        assertThat(findings.warnings().get(0).samples().get(0)).isEqualTo(new ConformanceFindings.Sample("file:///t.csv", 7, "Usage"));
    }

    /** FOCUS gives credits, adjustments and corrections negative costs by design: a negative ListCost there is no finding. */
    @Test
    void negativeListCostIsAFindingOnlyWhereItIsOdd() {
        List<String> header = List.of("BilledCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ChargeCategory",
                "ChargeClass", "ListCost");
        ConformanceFindings findings = new ConformanceFindings();
        FocusNormaliser normaliser = new FocusNormaliser("file:///n.csv", header, findings);
        String ps = "2024-03-01T00:00:00Z";
        normaliser.normalise(new Object[] {"-1", "USD", ps, ps, "Credit", null, "-1"}, 1);
        normaliser.normalise(new Object[] {"-2", "USD", ps, ps, "adjustment", null, "-2"}, 2);
        normaliser.normalise(new Object[] {"-3", "USD", ps, ps, "Usage", "Correction", "-3"}, 3);
        assertThat(findings.warnings()).as("credits, adjustments and corrections").isEmpty();
        normaliser.normalise(new Object[] {"-4", "USD", ps, ps, "Usage", null, "-4"}, 4);
        normaliser.normalise(new Object[] {"-5", "USD", ps, ps, "Tax", null, "-5"}, 5);
        assertThat(findings.warnings()).hasSize(1);
        ConformanceFindings.Warning odd = findings.warnings().get(0);
        assertThat(odd.code()).isEqualTo("NEGATIVE_LIST_COST");
        assertThat(odd.count()).isEqualTo(2);
        assertThat(odd.samples()).extracting(ConformanceFindings.Sample::value).containsExactly("Usage", "Tax");
    }

    @Test
    void findsUnknownCategoriesAndMixedCurrenciesWithSamples() {
        ConformanceFindings findings = new ConformanceFindings();
        FocusNormaliser n = new FocusNormaliser("file:///t.csv", HEADER, findings);
        for (int i = 0; i < 8; i++) {
            n.normalise(new Object[] {"1", i % 2 == 0 ? "USD" : "EUR", "2024-03-01", "2024-03-01", "Refund", null, null, null, null}, i + 1);
        }
        Map<String, ConformanceFindings.Warning> byCode = new java.util.HashMap<>();
        findings.warnings().forEach(w -> byCode.put(w.code(), w));

        assertThat(byCode.get("UNKNOWN_CHARGE_CATEGORY").count()).isEqualTo(8);
        assertThat(byCode.get("UNKNOWN_CHARGE_CATEGORY").samples()).hasSize(ConformanceFindings.SAMPLES);
        assertThat(byCode.get("MIXED_CURRENCIES").samples()).extracting(ConformanceFindings.Sample::value).containsExactly("EUR", "USD");
        assertThat(byCode.get("MIXED_CURRENCIES").count()).isEqualTo(8);
    }

    @Test
    void tagsFromEveryForm() {
        KeyValueJson kv = new KeyValueJson();
        assertThat(kv.normalise("\"team\": \"a\", \"env\":\"b\"")).isEqualTo("{\"team\":\"a\",\"env\":\"b\"}");
        assertThat(kv.normalise(Map.of(" team", "a"))).isEqualTo("{\"team\":\"a\"}");
        assertThat(kv.normalise(List.of(Map.of("key", "env ", "value", "prod", "x_inherited", true))))
                .isEqualTo("{\"env\":\"prod\"}");
        assertThat(kv.normalise("{\"cost-center\": 42, \"flag\": true, \"none\": null}"))
                .isEqualTo("{\"cost-center\":42,\"flag\":true,\"none\":null}");
        assertThatThrownBy(() -> kv.normalise("[1,2]")).hasMessageContaining("not a JSON object");
    }

    @Test
    void previewNamesMapToCurrentOnesAndAMissingMandatoryColumnIsNamed() {
        assertThat(FocusColumn.byName("AmortizedCost")).contains(FocusColumn.EFFECTIVE_COST);
        assertThat(FocusColumn.byName("chargetype")).contains(FocusColumn.CHARGE_CATEGORY);
        assertThat(FocusColumn.byName(" Region ")).contains(FocusColumn.REGION_ID);
        assertThat(FocusColumn.byName("UsageQuantity")).contains(FocusColumn.CONSUMED_QUANTITY);
        assertThatThrownBy(() -> new FocusNormaliser("s3://b/k.csv", List.of("BilledCost", "BillingCurrency"), new ConformanceFindings()))
                .isInstanceOf(FormatException.class)
                .hasMessage("s3://b/k.csv: missing mandatory FOCUS columns BillingPeriodStart, ChargePeriodStart"
                        + " (the file's header has 2 columns; a CSV export is comma-separated UTF-8 with FOCUS's column names)");
        Object[] values = new Object[HEADER.size()];
        Arrays.fill(values, null);
        values[1] = "USD";
        assertThatThrownBy(() -> normalise(new ConformanceFindings(), values))
                .isInstanceOf(FormatException.class)
                .hasMessage("file:///t.csv: row 7, column billedCOST: is empty; FOCUS requires a value");
    }
}
