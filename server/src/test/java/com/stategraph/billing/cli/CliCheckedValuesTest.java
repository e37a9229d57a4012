package com.stategraph.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * What the CLI can check itself it checks before asking the server: malformed ids, dates and reversed
 * ranges exit 124 with one line saying what is wrong and a --help hint; --tenant takes a name; an empty
 * table says so in a sentence.
 */
class CliCheckedValuesTest extends ServerTest {

    @Test
    void badValuesExit124WithOneLineAndTenantsGoByName() throws Exception {
        String tenant = newTenant();
        String name = null;
        for (var t : api.get(ADMIN_KEY, "/api/v1/user/tenants").body().path("results")) {
            if (t.path("id").asString().equals(tenant)) {
                name = t.path("name").asString();
            }
        }
        assertThat(name).isNotBlank();
        CliRunner cli = new CliRunner(api.base(), ADMIN_KEY);

        var id = cli.run("cost", "anomalies", "dismiss", "not-an-id", "--tenant", tenant, "--reason", "x");
        assertThat(id.exit()).isEqualTo(Main.BAD_USAGE);
        assertThat(id.err()).contains("'not-an-id' is not an id").contains("Run 'stategraph cost anomalies dismiss --help'")
                .doesNotContain("Usage:").doesNotContain("java.");
        assertThat(id.err().lines()).hasSize(2);

        var date = cli.run("cost", "actuals", "--tenant", tenant, "--from", "2026-13-01");
        assertThat(date.exit()).isEqualTo(Main.BAD_USAGE);
        assertThat(date.err()).contains("'2026-13-01' is not a date of the form YYYY-MM-DD").doesNotContain("java.")
                .doesNotContain("Usage:");

        var reversed = cli.run("cost", "actuals", "--tenant", tenant, "--from", "2026-12-05", "--to", "2026-12-01");
        assertThat(reversed.exit()).isEqualTo(Main.BAD_USAGE);
        assertThat(reversed.err()).contains("--from (2026-12-05) must be before --to (2026-12-01)");
        var reversedMonths = cli.run("cost", "invoices", "--tenant", tenant, "--from", "2026-12", "--to", "2026-11");
        assertThat(reversedMonths.exit()).isEqualTo(Main.BAD_USAGE);
        assertThat(reversedMonths.err()).contains("--from (2026-12) must be before --to (2026-11)");

        // --tenant by name: the same answers as by id; an empty list is a sentence
        var byName = cli.run("cost", "anomalies", "--tenant", name);
        assertThat(byName.exit()).as(byName.err()).isZero();
        assertThat(byName.out()).startsWith("No anomalies from ").doesNotContain("SEVERITY");
        var nobody = cli.run("cost", "anomalies", "--tenant", "no-such-tenant-" + tenant);
        assertThat(nobody.exit()).isEqualTo(Main.BAD_USAGE);
        assertThat(nobody.err()).contains("none of your tenants is named 'no-such-tenant-" + tenant + "'");

        var settings = cli.run("cost", "anomalies", "settings", "--tenant", name, "--min-impact-amount", "25");
        assertThat(settings.exit()).as(settings.err()).isZero();
        assertThat(settings.out()).contains("at least 1 % of its series' trailing monthly cost and at least 25 of its currency");
        var asJson = HttpApi.JSON.readTree(cli.run("cost", "anomalies", "settings", "--tenant", tenant, "--format", "json").out());
        assertThat(asJson.path("min_impact_amount").asInt()).isEqualTo(25);
        assertThat(asJson.path("min_impact_percent").asInt()).isEqualTo(1);
    }
}
