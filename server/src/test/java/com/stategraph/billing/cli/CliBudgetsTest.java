package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code cost budget create|list|update|remove} and {@code cost forecast} against a synced month of steady spend. */
class CliBudgetsTest extends SyncServerTest {

    @Test
    void budgetsAndTheForecastFromTheCli() throws Exception {
        String tenant = newTenant();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.withDayOfMonth(1);
        List<List<String>> rows = new ArrayList<>();
        for (LocalDate day = today.minusDays(30); !day.isAfter(today); day = day.plusDays(1)) {
            rows.add(List.of("40", "40", "USD", day.withDayOfMonth(1) + "T00:00:00Z", day + "T00:00:00Z", "Amazon EC2", "{\"env\":\"prod\"}"));
        }
        Path dir = tempDir("cli-budgets-");
        ExportFixtures.csv(dir.resolve("focus.csv"), false, false, List.of("BilledCost", "EffectiveCost", "BillingCurrency",
                "BillingPeriodStart", "ChargePeriodStart", "ServiceName", "Tags"), rows);
        assertThat(syncAndWait(tenant, addSource(tenant, "aws", dir.toUri().toString())).path("status").asString()).isEqualTo("ok");
        BigDecimal spent = BigDecimal.valueOf(40L * (today.getDayOfMonth()));
        long left = first.plusMonths(1).toEpochDay() - today.toEpochDay() - 1;
        BigDecimal forecast = spent.add(BigDecimal.valueOf(40L * left));

        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY);
        String created = cli.run("cost", "budget", "create", "--tenant", tenant, "--name", "Prod", "--period", "monthly",
                "--amount", "100000.5", "--currency", "USD", "--tag", "env:prod", "--threshold", "actual:50",
                "--threshold", "forecast:90").out();
        assertThat(created).startsWith("Created budget ").contains("(Prod)");
        String id = created.substring("Created budget ".length(), created.indexOf(' ', "Created budget ".length()));
        JsonNode shown = HttpApi.JSON.readTree(cli.run("cost", "budget", "show", id, "--tenant", tenant).out());
        assertThat(shown.path("filters").path("tags").get(0).asString()).isEqualTo("env:prod");
        assertThat(shown.path("thresholds")).hasSize(2);
        assertThat(shown.path("thresholds").get(0).path("type").asString()).isEqualTo("actual");
        assertThat(shown.path("thresholds").get(1).path("type").asString()).isEqualTo("forecast");

        List<String> listed = cli.run("cost", "budget", "list", "--tenant", tenant, "--format", "csv").out().lines().toList();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0)).isEqualTo("ID,NAME,PERIOD,AMOUNT,SPENT,SPENT_%,FORECAST,FORECAST_%,ALERTS");
        assertThat(listed.get(1)).startsWith(id + ",Prod,monthly,100000.5," + spent.toPlainString() + ",")
                .contains("," + forecast.toPlainString() + ",");

        assertThat(cli.run("cost", "budget", "create", "--tenant", tenant, "--name", "X", "--period", "monthly", "--amount", "1",
                "--currency", "USD", "--threshold", "eighty").err()).contains("--threshold is TYPE:PERCENT, e.g. actual:80, got 'eighty'");

        String updated = cli.run("cost", "budget", "update", id, "--tenant", tenant, "--name", "Prod EC2", "--period", "quarterly",
                "--amount", "300000", "--currency", "USD", "--service", "Amazon EC2").out();
        assertThat(updated).contains("Updated budget " + id + " (Prod EC2)");

        List<String> csv = cli.run("cost", "forecast", "--tenant", tenant, "--format", "csv").out().lines().toList();
        assertThat(csv).containsExactly("CURRENCY,SPENT,FORECAST,LOWER,UPPER,DAYS_LEFT",
                "USD," + spent.toPlainString() + "," + forecast.toPlainString() + "," + forecast.toPlainString() + ","
                        + forecast.toPlainString() + "," + left);

        assertThat(cli.run("cost", "budget", "remove", id, "--tenant", tenant).out()).contains("Removed budget " + id);
        assertThat(cli.run("cost", "budget", "list", "--tenant", tenant, "--format", "csv").out().lines().toList()).hasSize(1);
    }
}
