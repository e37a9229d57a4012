package com.stategraph.billing.estimates;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.estimates.UsageTiers.Tier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usage split into the price book's tiers: each tier gets what falls in it, priced from the tier that starts there. */
class UsageTiersTest {
    private static final List<Tier> REST = List.of(new Tier("first 333M", 0), new Tier("next 667M", 333_000_000L),
            new Tier("next 19B", 1_000_000_000L), new Tier("over 20B", 20_000_000_000L));

    private static List<Component> split(long requests) {
        return UsageTiers.split("Requests", "requests", BigDecimal.valueOf(requests), REST,
                start -> ProductQuery.of("aws", "us-east-1", "AmazonApiGateway", "API Calls").tier(start));
    }

    @Test
    void aQuantityFillsEachTierUpToItsEndAndTheRestSpillsOver() {
        long requests = 1_500_000_000L;
        List<Component> components = split(requests);
        assertThat(components).extracting(Component::name)
                .containsExactly("Requests (first 333M)", "Requests (next 667M)", "Requests (next 19B)");
        assertThat(components).extracting(c -> c.query().startUsageAmount()).containsExactly("0", "333000000", "1000000000");
        assertThat(components.get(0).monthlyQuantity()).isEqualByComparingTo(BigDecimal.valueOf(333_000_000L));
        assertThat(components.get(1).monthlyQuantity()).isEqualByComparingTo(BigDecimal.valueOf(1_000_000_000L - 333_000_000L));
        assertThat(components.get(2).monthlyQuantity()).isEqualByComparingTo(BigDecimal.valueOf(requests - 1_000_000_000L));
        BigDecimal sum = components.stream().map(Component::monthlyQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(BigDecimal.valueOf(requests));
    }

    @Test
    void theLastTierTakesEverythingAboveItsStart() {
        long requests = 25_000_000_000L;
        List<Component> components = split(requests);
        assertThat(components).hasSize(4);
        assertThat(components.get(3).monthlyQuantity()).isEqualByComparingTo(BigDecimal.valueOf(requests - 20_000_000_000L));
        assertThat(components.get(3).query().startUsageAmount()).isEqualTo("20000000000");
    }

    @Test
    void withoutUsageTheFirstTierShowsItsPriceAtZero() {
        List<Component> components = split(0);
        assertThat(components).hasSize(1);
        assertThat(components.get(0).name()).isEqualTo("Requests (first 333M)");
        assertThat(components.get(0).monthlyQuantity()).isZero();
    }

    @Test
    void aTypeNameIsMatchedLiterallyNotAsAPattern() {
        assertThat("USE1-Kafka.m5.large").containsPattern("(?i)(^|-)" + ProductQuery.literal("kafka.m5.large") + "$");
        assertThat("USE1-Kafka.m5Xlarge").doesNotContainPattern("(?i)(^|-)" + ProductQuery.literal("kafka.m5.large") + "$");
        assertThat("USE1-IO-Optimized-StorageUsage").doesNotContainPattern(ProductQuery.awsUsageType("StorageUsage"));
        assertThat("USE1-StorageUsage").containsPattern(ProductQuery.awsUsageType("StorageUsage"));
        assertThat("StorageUsage").containsPattern(ProductQuery.awsUsageType("StorageUsage"));
    }
}
