package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import com.stategraph.billing.support.TerraformStates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stategraph cost compare: a state's estimate of last month, with nothing spent on it. */
class CliCompareTest extends SyncServerTest {
    @Test
    void lastMonthsEstimateWithoutSpend() {
        awaitOperatorsPriceBook();
        String tenant = newTenant();
        HttpApi.Response pushed = api.sendStreamed(ADMIN_KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/svc", TerraformStates.state(1, "s")
                .managed("aws_instance", "a", "aws", Map.of("id", "i-cli-cmp", "instance_type", "m5.large", "region", "us-east-1")).json());
        String state = pushed.text("id");
        HttpApi.Response costs = awaitEstimate(state);
        BigDecimal monthly = new BigDecimal(costs.text("monthly_cost"));
        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        jdbc.sql("UPDATE estimate_snapshots SET calculated_at = ? WHERE state_id = ?::uuid")
                .params(Timestamp.from(last.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()), state).update();
        BigDecimal expected = monthly.multiply(BigDecimal.valueOf(last.lengthOfMonth() * 24L))
                .divide(BigDecimal.valueOf(730), 10, RoundingMode.HALF_EVEN).stripTrailingZeros();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY).env("STATEGRAPH_TENANT_ID", tenant);

        var csv = cli.run("cost", "compare", "--month", last.toString(), "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).contains("svc," + expected.toPlainString() + ",0,-" + expected.toPlainString() + ",0.0000,0");
        var table = cli.run("cost", "compare", "--month", last.toString(), "--state", state);
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("aws_instance.a").contains("estimate without spend: aws_instance.a");
    }
}
