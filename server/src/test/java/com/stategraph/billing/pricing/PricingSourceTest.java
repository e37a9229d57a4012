package com.stategraph.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.SyncServerTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sync tests' server names an S3 object as STATEGRAPH_PRICING_SOURCE: it loads that book at
 * start (through db-scheduler's recurring task), and records where it came from.
 */
class PricingSourceTest extends SyncServerTest {
    @Test
    void theOperatorsBookIsLoadedAtStart() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode book = api.get(ADMIN_KEY, "/api/v1/pricing").body();
        while (book.path("products").asLong() == 0) {
            assertThat(Instant.now()).as("the book is loaded within a minute of the start").isBefore(deadline);
            sleep(200);
            book = api.get(ADMIN_KEY, "/api/v1/pricing").body();
        }
        assertThat(book.path("products").asLong()).isEqualTo(3);
        assertThat(book.path("by_vendor").path("aws").asLong()).isEqualTo(2);
        assertThat(book.path("by_vendor").path("gcp").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT source FROM pricing.books").query(String.class).single())
                .isEqualTo("s3://operator-pricing/dumps/products.csv.gz");
        assertThat(jdbc.sql("SELECT count(*) FROM pricing.products WHERE attributes ->> 'instanceType' = 'db.t3.small'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
