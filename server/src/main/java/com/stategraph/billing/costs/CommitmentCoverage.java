package com.stategraph.billing.costs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.load.RowsSnapshot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How much of the usage commitment discounts covered, per billing period, provider, service and
 * currency: the effective cost of Usage lines a commitment discount applied to (status Used) against
 * that of Usage lines without one (on demand). Every Usage line of a service counts as eligible:
 * before FOCUS 1.3's CommitmentProgramEligibilityDetails an export does not say which usage a
 * commitment could have covered.
 */
@Service
public class CommitmentCoverage {
    private final JdbcClient jdbc;
    private final RowsSnapshot snapshot;
    private final BillingPeriods periods;

    CommitmentCoverage(JdbcClient jdbc, RowsSnapshot snapshot, BillingPeriods periods) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.periods = periods;
    }

    @Schema(name = "CommitmentCoverageGroup")
    public record Group(@JsonProperty("billing_period") String billingPeriod, String provider,
                        @Schema(nullable = true) @JsonProperty("service_name") String serviceName, String currency,
                        @Schema(description = "effective cost of Usage lines with a commitment discount Used")
                        @JsonProperty("covered_cost") String coveredCost,
                        @Schema(description = "effective cost of Usage lines without a commitment discount")
                        @JsonProperty("on_demand_cost") String onDemandCost,
                        @Schema(nullable = true, description = "covered per 100 of covered + on demand, two decimals; null when both are 0")
                        @JsonProperty("coverage_percent") String coveragePercent,
                        @JsonProperty("line_count") long lineCount) {
    }

    @Schema(name = "CommitmentCoverage")
    public record Page(@JsonProperty("period_from") String periodFrom, @JsonProperty("period_to") String periodTo, List<Group> results) {
    }

    /** Billing periods {@code [from, to)} as {@code YYYY-MM}; default the last three months and this one. */
    public Page of(UUID tenantId, String from, String to) {
        BillingPeriods.Range range = periods.parse(from, to);
        List<Group> groups = CurrentChunks.read(snapshot, jdbc, tenantId, range.first(), range.end(), loads -> {
            return jdbc.sql("WITH lines AS (SELECT c.billing_period, c.source_id, u.spn, u.pn, u.service, u.currency,"
                            + "   coalesce(sum(u.effective) FILTER (WHERE u.cd IS NOT NULL AND st.value = 'Used'), 0) AS covered,"
                            + "   coalesce(sum(u.effective) FILTER (WHERE u.cd IS NULL), 0) AS on_demand, count(*) AS n"
                            + "   FROM " + CurrentChunks.source("billing_period, source_id, service_provider_name, provider_name,"
                            + " service_name, billing_currency, charge_category, commitment_discount_id, commitment_discount_status,"
                            + " effective_cost", loads)
                            + "   CROSS JOIN LATERAL unnest(c.service_provider_name, c.provider_name, c.service_name, c.billing_currency,"
                            + "     c.charge_category, c.commitment_discount_id, c.commitment_discount_status, c.effective_cost)"
                            + "     AS u (spn, pn, service, currency, category, cd, status, effective)"
                            + "   JOIN billing_strings cc ON cc.tenant_id = ? AND cc.id = u.category AND cc.value = 'Usage'"
                            + "   LEFT JOIN billing_strings st ON st.tenant_id = ? AND st.id = u.status"
                            + "   GROUP BY 1, 2, 3, 4, 5, 6)"
                            + " SELECT to_char(l.billing_period, 'YYYY-MM') AS period,"
                            + "   " + CurrentChunks.PROVIDER + " AS provider,"
                            + "   sv.value AS service, cu.value AS currency, sum(l.covered) AS covered, sum(l.on_demand) AS on_demand,"
                            + "   sum(l.n) AS n FROM lines l" + CurrentChunks.PROVIDER_JOINS
                            + " LEFT JOIN billing_strings sv ON sv.tenant_id = ? AND sv.id = l.service"
                            + " LEFT JOIN billing_strings cu ON cu.tenant_id = ? AND cu.id = l.currency"
                            + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3 NULLS LAST, 4")
                    .params(tenantId, tenantId, tenantId, tenantId, tenantId, tenantId, tenantId, tenantId, tenantId)
                    .query((rs, i) -> {
                        BigDecimal covered = rs.getBigDecimal("covered");
                        BigDecimal onDemand = rs.getBigDecimal("on_demand");
                        BigDecimal all = covered.add(onDemand);
                        return new Group(rs.getString("period"), rs.getString("provider"), rs.getString("service"), rs.getString("currency"),
                                ActualsService.money(covered), ActualsService.money(onDemand),
                                all.signum() == 0 ? null : covered.multiply(BigDecimal.valueOf(100)).divide(all, 2, RoundingMode.HALF_EVEN)
                                        .toPlainString(), rs.getLong("n"));
                    }).list();
        });
        return new Page(range.from().toString(), range.to().toString(), groups);
    }
}
