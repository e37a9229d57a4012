package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Billed cost per invoice (API and CLI): per billing period, issuer, invoice and currency, summed from
 * the lines exactly, credits included; lines not yet invoiced apart; another tenant's lines, even with
 * the same invoice id, never counted. One period is large enough for a table of its own and one
 * shares the small-loads table, so both are read.
 */
class InvoicesTest extends SyncServerTest {
    private record Line(YearMonth period, String issuer, String invoice, String currency, String billed) {
    }

    private static List<Line> lines(YearMonth big, YearMonth small) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(new Line(big, "Amazon Web Services, Inc.", i % 3 == 0 ? "INV-A2" : "INV-A1", "USD", "1" + i + ".125"));
        }
        lines.add(new Line(big, "Amazon Web Services, Inc.", "INV-A1", "USD", "-4.5"));
        lines.add(new Line(big, "Amazon Web Services EMEA SARL", "INV-E1", "EUR", "7.25"));
        lines.add(new Line(small, "Amazon Web Services, Inc.", "INV-B1", "USD", "3"));
        lines.add(new Line(small, "", "", "USD", "0.75"));
        lines.add(new Line(small, "", "", "USD", "0.5"));
        return lines;
    }

    private static void export(Path dir, List<Line> lines) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (Line l : lines) {
            String start = l.period().atDay(1) + "T00:00:00Z";
            rows.add(List.of(l.billed(), l.currency(), start, start, l.issuer(), l.invoice()));
        }
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "BillingCurrency", "BillingPeriodStart",
                "ChargePeriodStart", "InvoiceIssuerName", "InvoiceId"), rows);
    }

    @Test
    void billedCostPerInvoiceSumsTheLinesOfThatInvoiceOnly() throws Exception {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth last = now.minusMonths(1);
        String tenant = newTenant();
        List<Line> lines = lines(last, now);
        Path dir = tempDir("invoices-");
        export(dir, lines);
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");
        // Another tenant bills the same invoice id: never counted here.
        String other = newTenant();
        Path otherDir = tempDir("invoices-other-");
        export(otherDir, List.of(new Line(last, "Amazon Web Services, Inc.", "INV-A1", "USD", "1000")));
        assertThat(syncAndWait(other, addSource(other, "aws", otherDir.toUri().toString())).path("status").asString()).isEqualTo("ok");

        Map<String, BigDecimal> expected = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (Line l : lines) {
            String key = l.period() + "|" + l.issuer() + "|" + l.invoice() + "|" + l.currency();
            expected.merge(key, new BigDecimal(l.billed()), BigDecimal::add);
            counts.merge(key, 1L, Long::sum);
        }
        HttpApi.Response answer = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/invoices?from=" + last + "&to=" + now.plusMonths(1));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        Map<String, BigDecimal> actual = new TreeMap<>();
        Map<String, Long> actualCounts = new TreeMap<>();
        JsonNode results = answer.body().path("results");
        assertThat(results).isNotEmpty();
        for (JsonNode r : results) {
            String key = r.path("billing_period").asString() + "|" + (r.path("invoice_issuer").isString() ? r.path("invoice_issuer").asString() : "")
                    + "|" + (r.path("invoice_id").isString() ? r.path("invoice_id").asString() : "") + "|" + r.path("currency").asString();
            actual.put(key, new BigDecimal(r.path("billed_cost").asString()));
            actualCounts.put(key, r.path("line_count").asLong());
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isEqualByComparingTo(v));
        assertThat(actualCounts).isEqualTo(counts);

        assertThat(api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/invoices?from=" + now + "&to=" + now.plusMonths(1)).body()
                .path("results").size()).as("one period only").isEqualTo(2);
        HttpApi.Response bad = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/invoices?from=2026-13");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("data")).contains("from '2026-13'");

        String csv = new CliRunner(api.base(), ADMIN_KEY).run("cost", "invoices", "--tenant", tenant, "--from", last.toString(),
                "--format", "csv").out();
        String a1 = last + "|Amazon Web Services, Inc.|INV-A1|USD";
        assertThat(csv).startsWith("PERIOD,ISSUER,INVOICE,CURRENCY,BILLED,LINES")
                .contains(last + ",\"Amazon Web Services, Inc.\",INV-A1,USD," + expected.get(a1).stripTrailingZeros().toPlainString() + "," + counts.get(a1));
    }

    @Test
    void commitmentUtilisationIsUsedOverUsedAndUnusedEffectiveCost() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String start = month.atDay(1) + "T00:00:00Z";
        // id, status, effective cost: a savings plan used in part, a reservation fully used, and on-demand usage.
        List<List<String>> commitments = List.of(
                List.of("arn:aws:savingsplans::1:savingsplan/sp-1", "Used", "60.5", "Savings Plan"),
                List.of("arn:aws:savingsplans::1:savingsplan/sp-1", "Used", "20", "Savings Plan"),
                List.of("arn:aws:savingsplans::1:savingsplan/sp-1", "Unused", "19.5", "Savings Plan"),
                List.of("arn:aws:ec2:us-east-1:1:reserved-instances/ri-1", "Used", "30", "Reserved Instance"),
                List.of("", "", "45", ""));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> c : commitments) {
            rows.add(List.of(c.get(2), c.get(2), "USD", start, start, c.get(0), c.get(1), c.get(3), c.get(0).isEmpty() ? "" : "Spend"));
        }
        Path dir = tempDir("commitments-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "CommitmentDiscountId", "CommitmentDiscountStatus", "CommitmentDiscountType",
                "CommitmentDiscountCategory"), rows);
        String tenant = newTenant();
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");

        JsonNode results = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/commitments").body().path("results");
        assertThat(results).as("one entry per commitment; on-demand lines are none").hasSize(2);
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (List<String> c : commitments) {
            if (!c.get(0).isEmpty()) {
                BigDecimal[] sums = expected.computeIfAbsent(c.get(0), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                int i = c.get(1).equals("Used") ? 0 : 1;
                sums[i] = sums[i].add(new BigDecimal(c.get(2)));
            }
        }
        for (JsonNode r : results) {
            BigDecimal[] sums = expected.get(r.path("commitment_discount_id").asString());
            assertThat(sums).as(r.toString()).isNotNull();
            assertThat(new BigDecimal(r.path("used_cost").asString())).isEqualByComparingTo(sums[0]);
            assertThat(new BigDecimal(r.path("unused_cost").asString())).isEqualByComparingTo(sums[1]);
            assertThat(r.path("utilization_percent").asString()).isEqualTo(sums[0].multiply(BigDecimal.valueOf(100))
                    .divide(sums[0].add(sums[1]), 2, java.math.RoundingMode.HALF_EVEN).toPlainString());
            assertThat(r.path("billing_period").asString()).isEqualTo(month.toString());
            assertThat(r.path("commitment_discount_category").asString()).isEqualTo("Spend");
        }
        String table = new CliRunner(api.base(), ADMIN_KEY).run("cost", "commitments", "--tenant", tenant).out();
        assertThat(table).contains("sp-1").contains("80.50 %").contains("ri-1").contains("100.00 %");
    }

    @Test
    void commitmentCoverageSetsCoveredUsageAgainstOnDemandUsagePerService() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String start = month.atDay(1) + "T00:00:00Z";
        // service, charge category, commitment id, status, effective cost
        List<List<String>> lines = List.of(
                List.of("Amazon EC2", "Usage", "sp-1", "Used", "60.25"),
                List.of("Amazon EC2", "Usage", "", "", "39.75"),
                List.of("Amazon EC2", "Usage", "sp-1", "Unused", "10"),
                List.of("Amazon EC2", "Purchase", "sp-1", "", "100"),
                List.of("Amazon EC2", "Tax", "", "", "3"),
                List.of("Amazon S3", "Usage", "", "", "5"),
                List.of("Amazon RDS", "Usage", "ri-1", "Used", "30"));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> l : lines) {
            rows.add(List.of(l.get(4), l.get(4), "USD", start, start, "AWS", l.get(0), l.get(1), l.get(2), l.get(3)));
        }
        Path dir = tempDir("coverage-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ProviderName", "ServiceName", "ChargeCategory", "CommitmentDiscountId",
                "CommitmentDiscountStatus"), rows);
        String tenant = newTenant();
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");

        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (List<String> l : lines) {
            BigDecimal[] sums = expected.computeIfAbsent(l.get(0), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (l.get(1).equals("Usage") && l.get(3).equals("Used")) {
                sums[0] = sums[0].add(new BigDecimal(l.get(4)));
            } else if (l.get(1).equals("Usage") && l.get(2).isEmpty()) {
                sums[1] = sums[1].add(new BigDecimal(l.get(4)));
            }
        }
        JsonNode results = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/commitment-coverage").body().path("results");
        assertThat(results).hasSize(expected.size());
        for (JsonNode g : results) {
            BigDecimal[] sums = expected.get(g.path("service_name").asString());
            assertThat(sums).as(g.toString()).isNotNull();
            assertThat(new BigDecimal(g.path("covered_cost").asString())).isEqualByComparingTo(sums[0]);
            assertThat(new BigDecimal(g.path("on_demand_cost").asString())).isEqualByComparingTo(sums[1]);
            assertThat(g.path("coverage_percent").asString()).isEqualTo(sums[0].multiply(BigDecimal.valueOf(100))
                    .divide(sums[0].add(sums[1]), 2, java.math.RoundingMode.HALF_EVEN).toPlainString());
            assertThat(g.path("provider").asString()).isEqualTo("AWS");
            assertThat(g.path("billing_period").asString()).isEqualTo(month.toString());
        }
        String csv = new CliRunner(api.base(), ADMIN_KEY).run("cost", "commitment-coverage", "--tenant", tenant, "--format", "csv").out();
        assertThat(csv).contains(month + ",AWS,Amazon EC2,USD,60.25,39.75,60.25");
        assertThat(new CliRunner(api.base(), ADMIN_KEY).run("cost", "commitment-coverage", "--tenant", tenant, "--currency", "NOK",
                "--format", "csv").err()).contains("no exchange rate from USD to NOK for " + month);
    }

    @Test
    void savingsPerServiceLeaveLinesWithoutAPriceOutAndSayHowMany() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String start = month.atDay(1) + "T00:00:00Z";
        // service, list, contracted, effective ("" = the export gives none)
        List<List<String>> lines = List.of(
                List.of("Amazon EC2", "100", "80", "60"),
                List.of("Amazon EC2", "50.5", "50.5", "30.25"),
                List.of("Amazon EC2", "", "20", "20"),
                List.of("Amazon S3", "10", "9", "9"),
                List.of("Amazon S3", "7", "", "7"));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> l : lines) {
            rows.add(List.of(l.get(3), l.get(3), l.get(1), l.get(2), "USD", start, start, "AWS", l.get(0)));
        }
        Path dir = tempDir("savings-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost",
                "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ProviderName", "ServiceName"), rows);
        String tenant = newTenant();
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");

        JsonNode results = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/savings").body().path("results");
        assertThat(results).hasSize(2);
        for (JsonNode g : results) {
            String service = g.path("service_name").asString();
            BigDecimal list = BigDecimal.ZERO;
            BigDecimal contracted = BigDecimal.ZERO;
            BigDecimal effective = BigDecimal.ZERO;
            BigDecimal missingEffective = BigDecimal.ZERO;
            long missing = 0;
            long count = 0;
            for (List<String> l : lines) {
                if (!l.get(0).equals(service)) {
                    continue;
                }
                count++;
                if (l.get(1).isEmpty() || l.get(2).isEmpty()) {
                    missing++;
                    missingEffective = missingEffective.add(new BigDecimal(l.get(3)));
                } else {
                    list = list.add(new BigDecimal(l.get(1)));
                    contracted = contracted.add(new BigDecimal(l.get(2)));
                    effective = effective.add(new BigDecimal(l.get(3)));
                }
            }
            assertThat(count).as(service).isPositive();
            assertThat(g.path("provider").asString()).isEqualTo("AWS");
            assertThat(g.path("billing_period").asString()).isEqualTo(month.toString());
            assertThat(new BigDecimal(g.path("negotiated_savings").asString())).as(service).isEqualByComparingTo(list.subtract(contracted));
            assertThat(new BigDecimal(g.path("commitment_savings").asString())).as(service).isEqualByComparingTo(contracted.subtract(effective));
            assertThat(new BigDecimal(g.path("total_savings").asString())).as(service).isEqualByComparingTo(list.subtract(effective));
            assertThat(g.path("effective_savings_rate_percent").asString()).isEqualTo(list.subtract(effective)
                    .multiply(BigDecimal.valueOf(100)).divide(list, 2, java.math.RoundingMode.HALF_EVEN).toPlainString());
            assertThat(g.path("missing_price_lines").asLong()).as(service).isEqualTo(missing).isPositive();
            assertThat(new BigDecimal(g.path("missing_price_effective_cost").asString())).isEqualByComparingTo(missingEffective);
            assertThat(g.path("line_count").asLong()).isEqualTo(count);
        }
        String csv = new CliRunner(api.base(), ADMIN_KEY).run("cost", "savings", "--tenant", tenant, "--format", "csv").out();
        assertThat(csv).startsWith("PERIOD,PROVIDER,SERVICE,CURRENCY,LIST,EFFECTIVE,NEGOTIATED,COMMITMENT,TOTAL_SAVINGS,ESR,UNPRICED_LINES")
                .contains(month + ",AWS,Amazon S3,USD,10,9,1,0,1,10.00,1");
    }
}
