package com.stategraph.billing.costs;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One question about actual spend: costs of {@code metric} on {@code ChargePeriodStart} in
 * [{@code from}, {@code to}), grouped and cut as asked, narrowed by the filters.
 */
public record CostQuery(
        UUID tenantId,
        LocalDate from,
        LocalDate to,
        Metric metric,
        Dimension groupBy,
        String tagKey,
        Granularity granularity,
        String provider,
        String service,
        String subAccount,
        String region,
        UUID sourceId,
        List<TagFilter> tags,
        Integer limit,
        String hostProvider,
        String publisher,
        String invoiceIssuer) {

    /** {@code tag=K:V}: rows whose tag K has the value V. */
    public record TagFilter(String key, String value) {
    }
}
