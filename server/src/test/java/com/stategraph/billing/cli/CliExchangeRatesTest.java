package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code exchange-rate set|load|list|reporting-currency} and {@code cost actuals --currency}. */
class CliExchangeRatesTest extends SyncServerTest {

    @Test
    void ratesFromTheCliConvertActuals() throws Exception {
        YearMonth april = YearMonth.of(2025, 4);
        YearMonth may = YearMonth.of(2025, 5);
        String tenant = newTenant();
        Path dir = tempDir("cli-rates-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ServiceName"), List.of(
                List.of("10", "10", "USD", april.atDay(1) + "T00:00:00Z", april.atDay(2) + "T00:00:00Z", "Amazon S3"),
                List.of("20", "20", "USD", may.atDay(1) + "T00:00:00Z", may.atDay(2) + "T00:00:00Z", "Amazon S3")));
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");

        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY);
        assertThat(cli.run("exchange-rate", "set", "USD", "SEK", april.toString(), "10.5").out())
                .contains("1 USD = 10.5 SEK in 2025-04 (final)");
        Path csv = tempDir("cli-rates-csv-").resolve("rates.csv");
        Files.writeString(csv, "from,to,month,rate\nUSD,SEK," + may + ",11.25\n");
        assertThat(cli.run("exchange-rate", "load", csv.toString()).out()).contains("Set 1 rates; 0 were already so");
        assertThat(cli.run("exchange-rate", "list", "--from", "USD", "--to", "SEK", "--format", "csv").out().lines().toList())
                .containsExactly("FROM,TO,MONTH,RATE,FINAL,SOURCE", "USD,SEK,2025-04,10.5,true,manual", "USD,SEK,2025-05,11.25,true,csv");

        JsonNode converted = HttpApi.JSON.readTree(cli.run("cost", "actuals", "--tenant", tenant, "--from", april.atDay(1).toString(),
                "--to", may.plusMonths(1).atDay(1).toString(), "--currency", "SEK", "--format", "json").out());
        BigDecimal expected = new BigDecimal("10").multiply(new BigDecimal("10.5")).add(new BigDecimal("20").multiply(new BigDecimal("11.25")));
        assertThat(converted.path("totals").get(0).path("currency").asString()).isEqualTo("SEK");
        assertThat(new BigDecimal(converted.path("totals").get(0).path("cost").asString())).isEqualByComparingTo(expected);

        assertThat(cli.run("exchange-rate", "reporting-currency", "--tenant", tenant).out().strip()).isEqualTo("(none)");
        assertThat(cli.run("exchange-rate", "reporting-currency", "SEK", "--tenant", tenant).out().strip()).isEqualTo("SEK");
        assertThat(cli.run("exchange-rate", "reporting-currency", "--tenant", tenant).out().strip()).isEqualTo("SEK");
        assertThat(cli.run("exchange-rate", "reporting-currency", "--clear", "--tenant", tenant).out().strip()).isEqualTo("(none)");
    }
}
