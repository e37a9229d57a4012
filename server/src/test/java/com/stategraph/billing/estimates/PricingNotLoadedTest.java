package com.stategraph.billing.estimates;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.StategraphServer;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.PriceBooks;
import com.stategraph.billing.support.TerraformStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server of its own, which has never had a price book: estimates answer 503 PRICING_NOT_LOADED
 * saying how to load one; once one is loaded, the states pushed before it are priced.
 */
class PricingNotLoadedTest {
    private static final String KEY = "sgk_pricing-not-loaded-0123456789abcdef";

    @TempDir
    java.nio.file.Path dataDir;

    @Test
    void withoutABookEstimatesSayHowToLoadOneAndWithOneTheyArePriced() {
        try (ConfigurableApplicationContext server = StategraphServer.start(0, dataDir, "--stategraph.bootstrap-api-key=" + KEY,
                "--stategraph.sync.poll-interval=200ms")) {
            HttpApi api = new HttpApi(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
            String tenant = api.post(KEY, "/api/v1/tenants", Map.of("name", "no-book")).text("id");
            String state = api.sendStreamed(KEY, "PUT", "/api/v1/tenants/" + tenant + "/states/web", TerraformStates.state(1, "l")
                    .managed("aws_instance", "web", "aws", Map.of("id", "i-1", "instance_type", "t3.small", "region", "us-east-1"))
                    .json()).text("id");

            for (String path : new String[] {"/api/v1/states/" + state + "/costs", "/api/v1/states/" + state + "/costs/unsupported",
                    "/api/v1/tenants/" + tenant + "/costs", "/api/v1/tenants/" + tenant + "/costs/history"}) {
                HttpApi.Response refused = api.get(KEY, path);
                assertThat(refused.status()).as(path).isEqualTo(503);
                assertThat(refused.text("id")).isEqualTo("PRICING_NOT_LOADED");
                assertThat(refused.text("data")).contains("stategraph pricing load").contains("STATEGRAPH_PRICING_SOURCE");
            }

            PriceBooks book = PriceBooks.book().product("aws", "us-east-1", "AmazonEC2", "Compute Instance", Map.of("instanceType",
                    "t3.small", "tenancy", "Shared", "operatingSystem", "Linux", "preInstalledSw", "NA", "licenseModel",
                    "No License required", "capacitystatus", "Used"), "Hrs", "0.0208");
            assertThat(api.postBytes(KEY, "/api/v1/pricing/products", book.csv().getBytes(), "text/csv").status()).isEqualTo(200);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            HttpApi.Response costs = api.get(KEY, "/api/v1/states/" + state + "/costs");
            while (costs.status() == 202) {
                assertThat(Instant.now()).as("the state pushed before the book is priced once the book is loaded").isBefore(deadline);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                costs = api.get(KEY, "/api/v1/states/" + state + "/costs");
            }
            assertThat(costs.status()).as(costs.raw()).isEqualTo(200);
            var compute = costs.body().path("instance_costs").get(0).path("components").get(0);
            assertThat(new java.math.BigDecimal(compute.path("monthly_cost").asString()))
                    .isEqualByComparingTo(new java.math.BigDecimal("0.0208").multiply(java.math.BigDecimal.valueOf(730)));
        }
    }
}
