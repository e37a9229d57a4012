package com.stategraph.billing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.SyncServerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo's setup on a running server: sample export, tenant, three sources, synced; twice is safe. */
class DemoTest extends SyncServerTest {
    @Autowired
    ConfigurableApplicationContext context;

    private String prepare() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Demo(context, new PrintStream(buffer, true, StandardCharsets.UTF_8)).prepare();
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private long demoRows() {
        return jdbc.sql("SELECT count(*) FROM billing_rows r JOIN tenants t ON t.id = r.tenant_id WHERE t.name = 'demo'")
                .query(Long.class).single();
    }

    @Test
    void setsUpSyncsAndSummarisesAndRunningTwiceChangesNothing() throws Exception {
        String first = prepare();
        long rows = demoRows();

        assertThat(rows).as("several thousand rows").isBetween(3000L, 20000L);
        assertThat(first).contains("Demo ready: tenant 'demo'").contains(rows + " billing rows")
                .contains("aws      USD").contains("azure    EUR").contains("gcp      USD")
                .containsPattern("azure +EUR +[0-9,]+ +EUR \\d{1,3}(,\\d{3})*\\.\\d{2}")
                .contains("http://localhost:" + port);
        assertThat(jdbc.sql("SELECT count(DISTINCT tags->>'team'), count(DISTINCT tags->>'env'), count(DISTINCT tags->>'owner')"
                        + " FROM billing_rows r JOIN tenants t ON t.id = r.tenant_id WHERE t.name = 'demo'")
                .query((rs, i) -> rs.getInt(1) * 100 + rs.getInt(2) * 10 + rs.getInt(3)).single())
                .as("team, env and owner tags").isEqualTo(433);

        java.nio.file.Path passwordFile = dataDir().resolve("demo-console-password");
        assertThat(first).contains("Console:  http://localhost:" + port + "/   sign in as demo@stategraph.local with the password in " + passwordFile);
        assertThat(java.nio.file.Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String password = java.nio.file.Files.readString(passwordFile).trim();
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = 'demo@stategraph.local'").query(String.class).single();
        assertThat(hash).doesNotContain(password);
        assertThat(context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class).matches(password, hash)).isTrue();

        String second = prepare();
        assertThat(java.nio.file.Files.readString(passwordFile).trim()).as("the second run keeps the user").isEqualTo(password);

        assertThat(demoRows()).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT count(*) FROM tenants WHERE name = 'demo'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_sources s JOIN tenants t ON t.id = s.tenant_id WHERE t.name = 'demo'")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(second.lines().filter(l -> l.startsWith("  aws") || l.startsWith("  gcp") || l.startsWith("  azure")).toList())
                .isEqualTo(first.lines().filter(l -> l.startsWith("  aws") || l.startsWith("  gcp") || l.startsWith("  azure")).toList());
    }

    @Test
    void theDemosDataRaisesExactlyItsPlantedSpikeAndConvertsEuroAtSampleRates() throws Exception {
        Map<String, String> ratesBefore = new java.util.HashMap<>();
        jdbc.sql("SELECT from_currency || '>' || to_currency || '@' || to_char(month, 'YYYY-MM') AS k, rate || ' ' || source AS v"
                + " FROM exchange_rates").query(rs -> {
                    ratesBefore.put(rs.getString("k"), rs.getString("v"));
                });
        prepare();
        java.util.UUID tenant = jdbc.sql("SELECT id FROM tenants WHERE name = 'demo'").query(java.util.UUID.class).single();
        context.getBean(com.stategraph.billing.anomalies.AnomalyScan.class).scan(tenant);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var anomalies = jdbc.sql("SELECT day, provider, service_name, tag_key, actual_cost - expected_cost AS difference, severity"
                        + " FROM cost_anomalies WHERE tenant_id = ?").param(tenant).query().listOfRows();
        assertThat(anomalies).hasSize(1);
        var spike = anomalies.get(0);
        assertThat(spike.get("day")).isEqualTo(java.sql.Date.valueOf(SampleExport.spikeDay(today)));
        assertThat(spike.get("provider")).isEqualTo("AWS");
        assertThat(spike.get("service_name")).isEqualTo("Amazon Elastic Compute Cloud");
        assertThat(spike.get("tag_key")).isNull();
        // the planted line, give or take the day's ordinary noise (two instances of about 7 USD a day each)
        assertThat(((java.math.BigDecimal) spike.get("difference")).doubleValue())
                .isBetween(SampleExport.SPIKE_COST - 15, SampleExport.SPIKE_COST + 15);
        assertThat(spike.get("severity")).isEqualTo("high");

        // Each month of the export has a EUR/USD rate both ways: the demo's sample where there was none, and an operator's
        // (other tests' here) left as it was; the demo never writes over a rate.
        var samples = SampleExport.eurUsd(today);
        assertThat(samples).hasSize(SampleExport.MONTHS);
        for (var month : samples.entrySet()) {
            for (String[] pair : new String[][] {{"EUR", "USD"}, {"USD", "EUR"}}) {
                var row = jdbc.sql("SELECT rate, source, updated_by FROM exchange_rates WHERE from_currency = ? AND to_currency = ?"
                                + " AND month = ?").params(pair[0], pair[1], java.sql.Date.valueOf(month.getKey().atDay(1)))
                        .query().listOfRows();
                assertThat(row).as(pair[0] + ">" + pair[1] + " " + month.getKey()).hasSize(1);
                String before = ratesBefore.get(pair[0] + ">" + pair[1] + "@" + month.getKey());
                if (before == null) {
                    assertThat(row.get(0).get("source")).isEqualTo("sample");
                    java.math.BigDecimal expected = pair[0].equals("EUR") ? month.getValue()
                            : java.math.BigDecimal.ONE.divide(month.getValue(), 6, java.math.RoundingMode.HALF_EVEN);
                    assertThat((java.math.BigDecimal) row.get(0).get("rate")).isEqualByComparingTo(expected);
                } else {
                    assertThat(row.get(0).get("rate") + " " + row.get(0).get("source")).as("an operator's rate stays").isEqualTo(before);
                }
            }
        }
    }
}
