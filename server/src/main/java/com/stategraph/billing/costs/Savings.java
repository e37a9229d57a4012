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
 * Savings as FinOps hubs define them, per billing period, provider, service and currency: negotiated
 * (ListCost - ContractedCost), commitment (ContractedCost - EffectiveCost), total (ListCost -
 * EffectiveCost) and the effective savings rate (total over ListCost). Lines without a list or
 * contracted cost are left out of every figure and reported (their count and effective cost): a
 * missing price is never counted as no savings.
 */
@Service
public class Savings {
    private final JdbcClient jdbc;
    private final RowsSnapshot snapshot;
    private final BillingPeriods periods;

    Savings(JdbcClient jdbc, RowsSnapshot snapshot, BillingPeriods periods) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.periods = periods;
    }

    @Schema(name = "SavingsGroup")
    public record Group(@JsonProperty("billing_period") String billingPeriod, String provider,
                        @Schema(nullable = true) @JsonProperty("service_name") String serviceName, String currency,
                        @JsonProperty("list_cost") String listCost, @JsonProperty("contracted_cost") String contractedCost,
                        @JsonProperty("effective_cost") String effectiveCost,
                        @JsonProperty("negotiated_savings") String negotiatedSavings,
                        @JsonProperty("commitment_savings") String commitmentSavings,
                        @JsonProperty("total_savings") String totalSavings,
                        @Schema(nullable = true, description = "total savings per 100 of list cost, two decimals; null without list cost")
                        @JsonProperty("effective_savings_rate_percent") String effectiveSavingsRatePercent,
                        @Schema(description = "lines without ListCost or ContractedCost, left out of the figures above")
                        @JsonProperty("missing_price_lines") long missingPriceLines,
                        @JsonProperty("missing_price_effective_cost") String missingPriceEffectiveCost,
                        @JsonProperty("line_count") long lineCount) {
    }

    @Schema(name = "Savings")
    public record Page(@JsonProperty("period_from") String periodFrom, @JsonProperty("period_to") String periodTo, List<Group> results) {
    }

    /** Billing periods {@code [from, to)} as {@code YYYY-MM}; default the last three months and this one. */
    public Page of(UUID tenantId, String from, String to) {
        BillingPeriods.Range range = periods.parse(from, to);
        List<Group> groups = CurrentChunks.read(snapshot, jdbc, tenantId, range.first(), range.end(), loads -> {
            String priced = "u.list IS NOT NULL AND u.contracted IS NOT NULL AND u.effective IS NOT NULL";
            return jdbc.sql("WITH lines AS (SELECT c.billing_period, c.source_id, u.spn, u.pn, u.service, u.currency,"
                            + "   coalesce(sum(u.list) FILTER (WHERE " + priced + "), 0) AS list,"
                            + "   coalesce(sum(u.contracted) FILTER (WHERE " + priced + "), 0) AS contracted,"
                            + "   coalesce(sum(u.effective) FILTER (WHERE " + priced + "), 0) AS effective,"
                            + "   count(*) FILTER (WHERE NOT (" + priced + ")) AS missing,"
                            + "   coalesce(sum(u.effective) FILTER (WHERE NOT (" + priced + ")), 0) AS missing_effective, count(*) AS n"
                            + "   FROM " + CurrentChunks.source("billing_period, source_id, service_provider_name, provider_name,"
                            + " service_name, billing_currency, list_cost, contracted_cost, effective_cost", loads)
                            + "   CROSS JOIN LATERAL unnest(c.service_provider_name, c.provider_name, c.service_name, c.billing_currency,"
                            + "     c.list_cost, c.contracted_cost, c.effective_cost) AS u (spn, pn, service, currency, list, contracted, effective)"
                            + "   GROUP BY 1, 2, 3, 4, 5, 6)"
                            + " SELECT to_char(l.billing_period, 'YYYY-MM') AS period,"
                            + "   " + CurrentChunks.PROVIDER + " AS provider,"
                            + "   sv.value AS service, cu.value AS currency, sum(l.list) AS list, sum(l.contracted) AS contracted,"
                            + "   sum(l.effective) AS effective, sum(l.missing) AS missing, sum(l.missing_effective) AS missing_effective,"
                            + "   sum(l.n) AS n FROM lines l" + CurrentChunks.PROVIDER_JOINS
                            + " LEFT JOIN billing_strings sv ON sv.tenant_id = ? AND sv.id = l.service"
                            + " LEFT JOIN billing_strings cu ON cu.tenant_id = ? AND cu.id = l.currency"
                            + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3 NULLS LAST, 4")
                    .params(tenantId, tenantId, tenantId, tenantId, tenantId, tenantId, tenantId)
                    .query((rs, i) -> {
                        BigDecimal list = rs.getBigDecimal("list");
                        BigDecimal contracted = rs.getBigDecimal("contracted");
                        BigDecimal effective = rs.getBigDecimal("effective");
                        BigDecimal total = list.subtract(effective);
                        return new Group(rs.getString("period"), rs.getString("provider"), rs.getString("service"),
                                rs.getString("currency"), ActualsService.money(list), ActualsService.money(contracted),
                                ActualsService.money(effective), ActualsService.money(list.subtract(contracted)),
                                ActualsService.money(contracted.subtract(effective)), ActualsService.money(total),
                                list.signum() == 0 ? null : total.multiply(BigDecimal.valueOf(100)).divide(list, 2, RoundingMode.HALF_EVEN)
                                        .toPlainString(),
                                rs.getLong("missing"), ActualsService.money(rs.getBigDecimal("missing_effective")), rs.getLong("n"));
                    }).list();
        });
        return new Page(range.from().toString(), range.to().toString(), groups);
    }
}
