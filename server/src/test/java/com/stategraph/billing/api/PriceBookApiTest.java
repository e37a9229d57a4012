package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.PriceBooks;
import com.stategraph.billing.support.ServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loading the price book: CSV or gzipped CSV, replaced whole, a refused file naming its line and
 * column and leaving the old book as it was. One test, since the book is the instance's.
 */
class PriceBookApiTest extends ServerTest {
    private static final String PRODUCTS = "/api/v1/pricing/products";

    private static PriceBooks first() {
        return PriceBooks.book()
                .product("aws", "us-east-1", "AmazonEC2", "Compute Instance", Map.of("instanceType", "t3.micro",
                        "operatingSystem", "Linux", "tenancy", "Shared"), "Hrs", "0.0104000000")
                .product("aws", "us-east-1", "AmazonEC2", "Storage", Map.of("volumeApiName", "gp3"), "GB-Mo", "0.0800000000")
                .product("gcp", "europe-west1", "Compute Engine", "Compute Instance", Map.of("machineType", "e2-small"), "h",
                        "0.0183000000");
    }

    private long stored(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aBookIsLoadedReplacedWholeAndABadOneLeavesItAsItWas() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var loaded = api.postBytes(ADMIN_KEY, PRODUCTS, first().csv().getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(200);
        assertThat(loaded.body().path("products").asLong()).isEqualTo(3);
        assertThat(loaded.body().path("by_vendor").path("aws").asLong()).isEqualTo(2);
        assertThat(loaded.body().path("by_vendor").path("gcp").asLong()).isEqualTo(1);
        assertThat(Instant.parse(loaded.body().path("loaded_at").asString())).isAfterOrEqualTo(before);
        assertThat(api.get(ADMIN_KEY, "/api/v1/pricing").body()).isEqualTo(loaded.body());
        assertThat(stored("SELECT count(*) FROM pricing.products WHERE attributes ->> 'instanceType' = 't3.micro'"
                + " AND prices -> (SELECT k FROM jsonb_object_keys(prices) k LIMIT 1) -> 0 ->> 'USD' = '0.0104000000'")).isEqualTo(1);

        PriceBooks second = PriceBooks.book()
                .product("azure", "westeurope", "Virtual Machines", "Compute", Map.of("skuName", "D2s v5"), "1 Hour", "0.1130000000");
        var gzipped = api.postBytes(ADMIN_KEY, PRODUCTS, second.gzip(), "application/gzip");
        assertThat(gzipped.status()).as(gzipped.raw()).isEqualTo(200);
        assertThat(gzipped.body().path("products").asLong()).as("replaced whole").isEqualTo(1);
        assertThat(gzipped.body().path("by_vendor").properties()).hasSize(1);
        assertThat(stored("SELECT count(*) FROM pricing.products")).isEqualTo(1);

        var badHeader = api.postBytes(ADMIN_KEY, PRODUCTS, "hash,sku\nx,y\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(badHeader.text("id")).isEqualTo("INVALID_PRICE_BOOK");
        assertThat(badHeader.text("data")).contains("line 1").contains(PriceBooks.HEADER);

        String badJson = first().raw("h9", "S9", "aws", "us-east-1", "AmazonEC2", "Storage", "{\"volumeApiName\": ", "{}").csv();
        var refused = api.postBytes(ADMIN_KEY, PRODUCTS, badJson.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("data")).as("the fourth product is line 5").contains("line 5").contains("attributes");

        String notAnObject = first().raw("h9", "S9", "aws", "us-east-1", "AmazonEC2", "Storage", "{}", "[]").csv();
        var shape = api.postBytes(ADMIN_KEY, PRODUCTS, notAnObject.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.text("data")).contains("line 5").contains("prices");

        for (String price : List.of("-0.10", "NaN", "Infinity", "-Infinity", "cheap", "1e999", "0x10")) {
            PriceBooks bad = first().product("aws", "us-east-1", "AmazonEC2", "Compute", Map.of("instanceType", "t3.bad"), "Hrs", price);
            var badPrice = api.postBytes(ADMIN_KEY, PRODUCTS, bad.csv().getBytes(StandardCharsets.UTF_8), "text/csv");
            assertThat(badPrice.status()).as(price + " " + badPrice.raw()).isEqualTo(400);
            assertThat(badPrice.text("id")).isEqualTo("INVALID_PRICE_BOOK");
            assertThat(badPrice.text("data")).as(price).contains("line " + (bad.size() + 1)).contains("column prices")
                    .contains("number of 0 or more");
        }

        assertThat(api.get(ADMIN_KEY, "/api/v1/pricing").body().path("products").asLong()).as("the old book stays").isEqualTo(1);
        assertThat(stored("SELECT count(*) FROM pricing.products WHERE vendor_name = 'azure'")).isEqualTo(1);

        String tenant = newTenant();
        String admin = newKey(tenant, "admin");
        assertThat(api.postBytes(admin, PRODUCTS, first().gzip(), "application/gzip").status()).isEqualTo(403);
        assertThat(api.get(admin, "/api/v1/pricing").status()).as("anyone may see what the book holds").isEqualTo(200);
    }
}
