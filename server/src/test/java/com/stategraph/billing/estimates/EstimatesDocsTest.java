package com.stategraph.billing.estimates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/estimates.md lists every priced type and every family of free types the code knows. */
class EstimatesDocsTest {
    @Test
    void everyPricedTypeAndFreeFamilyIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "estimates.md"));
        assertThat(PricedTypes.priced()).isNotEmpty();
        for (String type : PricedTypes.priced()) {
            assertThat(docs).as(type).contains("`" + type + "`");
        }
        assertThat(UsageKeys.all()).isNotEmpty();
        UsageKeys.all().forEach((type, keys) -> keys.keySet().forEach(key ->
                assertThat(docs).as(type + " " + key).contains("`" + key + "`")));
        assertThat(PricedTypes.freePrefixes()).isNotEmpty();
        for (String prefix : PricedTypes.freePrefixes()) {
            assertThat(docs).as(prefix).contains("`" + prefix + "*`");
        }
    }

    /** A priced type listed as free too would be counted at 0 in one place and priced in another. */
    @Test
    void noTypeIsBothPricedAndFree() {
        assertThat(PricedTypes.priced()).isNotEmpty();
        assertThat(PricedTypes.priced()).filteredOn(PricedTypes::free).isEmpty();
    }

    /** A state keeps only what pricing reads: a priced type without its list would be priced from nothing. */
    @Test
    void everyPricedTypeListsTheAttributesItReads() {
        assertThat(PricedTypes.priced()).isNotEmpty();
        assertThat(PricedTypes.unlisted()).isEmpty();
        assertThat(PricedTypes.attributesRead("aws_instance")).contains("instance_type", "root_block_device");
        assertThat(PricedTypes.attributesRead("aws_vpc")).as("a free type keeps identifiers and tags only").isEmpty();
    }
}
