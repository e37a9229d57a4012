package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exchange rates refuse what no operator means, show who set them to the instance admin alone; empty CSV answers keep their header. */
class SmallDoorsApiTest extends ServerTest {

    private HttpApi.Response csv(String body) {
        return api.postBytes(ADMIN_KEY, "/api/v1/exchange-rates", body.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    @Test
    void exchangeRatesTakeIsoCodesSensibleRatesAndMonthsUpToNextAndEachPairOnce() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        record Bad(String path, BigDecimal rate, String says) {
        }
        for (Bad bad : List.of(new Bad("ABC/EUR/" + now, BigDecimal.ONE, "ISO 4217"),
                new Bad("USD/EUR/" + now, new BigDecimal("0.0000001"), "from 0.000001 to 1000000"),
                new Bad("USD/EUR/" + now, new BigDecimal("2000000"), "from 0.000001 to 1000000"),
                new Bad("USD/EUR/" + now.plusMonths(2), BigDecimal.ONE, "after next month"))) {
            var refused = api.put(ADMIN_KEY, "/api/v1/exchange-rates/" + bad.path(), Map.of("rate", bad.rate()));
            assertThat(refused.status()).as(bad + " " + refused.raw()).isEqualTo(400);
            assertThat(refused.text("data")).as(bad.toString()).contains(bad.says());
        }
        assertThat(api.put(ADMIN_KEY, "/api/v1/exchange-rates/SEK/NOK/" + now.plusMonths(1), Map.of("rate", new BigDecimal("0.98")))
                .status()).as("next month may be set ahead").isEqualTo(200);

        var twice = csv("from,to,month,rate\nSEK,DKK," + now + ",0.65\nSEK,NOK," + now + ",0.98\nSEK,DKK," + now + ",0.66\n");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text("data")).contains("rows 2 and 4").contains("SEK to DKK");
        var control = csv("from,to,month,rate\nSEK,DKK\u001b[2J," + now + ",0.65\n");
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.text("data")).contains("row 2, column to").contains("control character").doesNotContain("\u001b");
        assertThat(api.get(ADMIN_KEY, "/api/v1/exchange-rates?from=SEK&to=DKK").body().path("results")).as("nothing written").isEmpty();
    }

    @Test
    void whoSetARateIsShownToTheInstanceAdminAlone() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        assertThat(api.put(ADMIN_KEY, "/api/v1/exchange-rates/PLN/CZK/" + now, Map.of("rate", new BigDecimal("5.8"))).status())
                .isEqualTo(200);
        String member = newKey(newTenant(), "member");
        var seen = api.get(member, "/api/v1/exchange-rates?from=PLN&to=CZK").body().path("results");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).path("rate").asString()).isEqualTo("5.8");
        assertThat(seen.get(0).path("updated_by").isNull()).as("not to a tenant's key").isTrue();
        var admin = api.get(ADMIN_KEY, "/api/v1/exchange-rates?from=PLN&to=CZK").body().path("results");
        assertThat(admin.get(0).path("updated_by").asString()).isNotBlank();
    }

    @Test
    void aCsvAnswerWithNoRowsStillNamesItsColumns() throws Exception {
        String withSource = newTenant();
        createAwsSource(withSource, "s3://csv-header-bucket/focus/");
        String header = csvOf("/api/v1/tenants/" + withSource + "/billing-sources").lines().findFirst().orElseThrow();
        assertThat(header).startsWith("id,").contains("source_uri");
        String empty = csvOf("/api/v1/tenants/" + newTenant() + "/billing-sources");
        assertThat(empty.lines().toList()).as("the header, and no row").containsExactly(header);
    }

    private String csvOf(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
