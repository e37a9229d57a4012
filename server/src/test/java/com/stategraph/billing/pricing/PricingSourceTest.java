package com.stategraph.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.SyncServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sync tests' server names an S3 object as STATEGRAPH_PRICING_SOURCE: it loads that book at
 * start (through db-scheduler's recurring task), and records where it came from.
 */
class PricingSourceTest extends SyncServerTest {
    @Test
    void theOperatorsBookIsLoadedAtStart() {
        awaitOperatorsPriceBook();
        JsonNode book = api.get(ADMIN_KEY, "/api/v1/pricing").body();
        assertThat(OPERATORS_PRICE_BOOK.byVendor()).isNotEmpty();
        assertThat(book.path("products").asLong()).isEqualTo(OPERATORS_PRICE_BOOK.size());
        OPERATORS_PRICE_BOOK.byVendor().forEach((vendor, count) ->
                assertThat(book.path("by_vendor").path(vendor).asLong()).as(vendor).isEqualTo(count));
        assertThat(jdbc.sql("SELECT source FROM pricing.books").query(String.class).single())
                .isEqualTo("s3://operator-pricing/dumps/products.csv.gz");
        assertThat(jdbc.sql("SELECT count(*) FROM pricing.products WHERE attributes ->> 'instanceType' = 'db.t3.medium'")
                .query(Long.class).single()).isEqualTo(OPERATORS_PRICE_BOOK.withAttribute("instanceType", "db.t3.medium")).isPositive();
    }
}
