package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `stategraph cost actuals` against a server with synced data. */
class CliActualsTest extends SyncServerTest {
    private static final YearMonth M = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    private String tenantWithData() throws Exception {
        Path dir = tempDir("cli-actuals-");
        String ps = M.atDay(1) + "T00:00:00Z";
        ExportFixtures.csv(dir.resolve("a.csv"), false, false,
                List.of("BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ServiceName",
                        "ProviderName", "RegionId", "SubAccountId", "Tags"),
                List.of(List.of("1000.5", "1000.5", "USD", ps, M.atDay(2) + "T00:00:00Z", "Compute", "AWS", "us-east-1", "a1",
                                "{\"team\":\"web\"}"),
                        List.of("0.25", "0.25", "USD", ps, M.atDay(3) + "T00:00:00Z", "Storage", "AWS", "eu-west-1", "a2",
                                "{\"team\":\"data\",\"env\":\"prod\"}"),
                        List.of("7", "7", "EUR", ps, M.atDay(3) + "T00:00:00Z", "Storage", "Oracle", "eu-west-1", "a2",
                                "{\"team\":\"data\"}")));
        String tenant = newTenant();
        String source = addSource(tenant, "aws", "file://" + dir + "/");
        assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        return tenant;
    }

    @Test
    void printsAnAlignedTableWithATotalPerCurrency() throws Exception {
        String tenant = tenantWithData();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);

        CliRunner.Result result = cli.run("cost", "actuals", "--from", M.atDay(1).toString(), "--to",
                M.plusMonths(1).atDay(1).toString(), "--group-by", "service");

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Spend (effective cost) from " + M.atDay(1) + " to " + M.plusMonths(1).atDay(1) + " (exclusive)");
        assertThat(lines.get(1)).isEqualTo("SERVICE  CURRENCY      COST");
        assertThat(lines).as("amounts for people: cents, thousands grouped").contains("Storage  EUR           7.00",
                "Compute  USD       1,000.50", "Storage  USD           0.25", "TOTAL    EUR           7.00",
                "TOTAL    USD       1,000.75");
        assertThat(lines.stream().filter(l -> !l.startsWith("Spend") && !l.startsWith("-")).map(String::length).distinct())
                .as("every row as wide as the header").hasSize(1);
    }

    @Test
    void jsonIsTheApiAnswerAndErrorsExitOne() throws Exception {
        String tenant = tenantWithData();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);

        CliRunner.Result json = cli.run("cost", "actuals", "--from", M.atDay(1).toString(), "--granularity", "day",
                "--metric", "billed", "--format", "json");
        assertThat(json.exit()).isZero();
        var answer = HttpApi.JSON.readTree(json.out());
        assertThat(answer.path("granularity").asString()).isEqualTo("day");
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        assertThat(answer.path("to").asString()).as("--from alone runs to tomorrow").isEqualTo(tomorrow.toString());
        assertThat(answer.path("results").get(0).path("series"))
                .hasSize((int) java.time.temporal.ChronoUnit.DAYS.between(M.atDay(1), tomorrow));

        CliRunner.Result refused = new CliRunner(api.base(), "sgk_no-such-key").env("STATEGRAPH_TENANT_ID", tenant)
                .run("cost", "actuals");
        assertThat(refused.exit()).as("refused at the server").isEqualTo(1);
        assertThat(refused.err()).isNotBlank();
    }

    @Test
    void filtersAndMachineFormatsKeepExactAmounts() throws Exception {
        String tenant = tenantWithData();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);
        String[] range = {"--from", M.atDay(1).toString(), "--to", M.plusMonths(1).atDay(1).toString()};

        CliRunner.Result simple = cli.run(concat(range, "cost", "actuals", "--group-by", "service", "--provider", "aws",
                "--format", "simple"));
        assertThat(simple.exit()).as(simple.err()).isZero();
        assertThat(simple.out().lines().toList()).containsExactlyInAnyOrder("Compute\tUSD\t1000.5", "Storage\tUSD\t0.25");

        CliRunner.Result csv = cli.run(concat(range, "cost", "actuals", "--group-by", "provider", "--region", "eu-west-1",
                "--sub-account", "a2", "--service", "Storage", "--format", "csv"));
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().lines().toList()).first().isEqualTo("PROVIDER,CURRENCY,COST");
        assertThat(csv.out().lines().skip(1).toList()).containsExactlyInAnyOrder("AWS,USD,0.25", "Oracle,EUR,7");

        CliRunner.Result tagged = cli.run(concat(range, "cost", "actuals", "--tag", "team:data", "--tag", "env:prod",
                "--format", "simple"));
        assertThat(tagged.out().lines().toList()).containsExactly("total\tUSD\t0.25");

        CliRunner.Result keys = cli.run(concat(range, "cost", "tag-keys", "--format", "simple"));
        assertThat(keys.exit()).as(keys.err()).isZero();
        assertThat(keys.out().lines().toList()).as("the most used first").containsExactly("team", "env");
        assertThat(cli.run(concat(range, "cost", "tag-keys")).out().lines().toList()).containsExactly("TAG_KEY", "team", "env");
    }

    private static String[] concat(String[] tail, String... head) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(head), java.util.Arrays.stream(tail)).toArray(String[]::new);
    }
}
