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
 * Commitment discount utilisation, as FinOps hubs and the FOCUS use case define it: per
 * CommitmentDiscountId and billing period, the effective cost of the commitment's lines whose
 * CommitmentDiscountStatus is Used against those that are Unused; utilisation is used over both.
 */
@Service
public class Commitments {
    private final JdbcClient jdbc;
    private final RowsSnapshot snapshot;
    private final BillingPeriods periods;

    Commitments(JdbcClient jdbc, RowsSnapshot snapshot, BillingPeriods periods) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.periods = periods;
    }

    @Schema(name = "CommitmentUtilization")
    public record Utilization(@JsonProperty("billing_period") String billingPeriod,
                              @JsonProperty("commitment_discount_id") String commitmentDiscountId,
                              @Schema(nullable = true) @JsonProperty("commitment_discount_name") String name,
                              @Schema(nullable = true) @JsonProperty("commitment_discount_type") String type,
                              @Schema(nullable = true, description = "Spend or Usage") @JsonProperty("commitment_discount_category") String category,
                              String currency,
                              @Schema(description = "effective cost of the lines with CommitmentDiscountStatus Used") @JsonProperty("used_cost") String usedCost,
                              @Schema(description = "effective cost of the lines with CommitmentDiscountStatus Unused") @JsonProperty("unused_cost") String unusedCost,
                              @Schema(nullable = true, description = "used per 100 of used + unused, two decimals; null when both are 0")
                              @JsonProperty("utilization_percent") String utilizationPercent,
                              @JsonProperty("line_count") long lineCount) {
    }

    @Schema(name = "CommitmentUtilizations")
    public record Page(@JsonProperty("period_from") String periodFrom, @JsonProperty("period_to") String periodTo,
                       List<Utilization> results) {
    }

    /** Billing periods {@code [from, to)} as {@code YYYY-MM}; default the last three months and this one. */
    public Page of(UUID tenantId, String from, String to) {
        BillingPeriods.Range range = periods.parse(from, to);
        List<Utilization> found = CurrentChunks.read(snapshot, jdbc, tenantId, range.first(), range.end(), loads -> {
            return jdbc.sql("WITH lines AS (SELECT c.billing_period, u.id, min(u.name) AS name, min(u.type) AS type,"
                            + "   min(u.category) AS category, u.currency,"
                            + "   coalesce(sum(u.effective) FILTER (WHERE st.value = 'Used'), 0) AS used,"
                            + "   coalesce(sum(u.effective) FILTER (WHERE st.value = 'Unused'), 0) AS unused, count(*) AS n"
                            + "   FROM " + CurrentChunks.source("billing_period, commitment_discount_id, commitment_discount_name,"
                            + " commitment_discount_type, commitment_discount_category, commitment_discount_status, billing_currency,"
                            + " effective_cost", loads)
                            + "   CROSS JOIN LATERAL unnest(c.commitment_discount_id, c.commitment_discount_name, c.commitment_discount_type,"
                            + "     c.commitment_discount_category, c.commitment_discount_status, c.billing_currency, c.effective_cost)"
                            + "     AS u (id, name, type, category, status, currency, effective)"
                            + "   LEFT JOIN billing_strings st ON st.tenant_id = ? AND st.id = u.status"
                            + "   WHERE u.id IS NOT NULL GROUP BY 1, 2, 6)"
                            + " SELECT to_char(l.billing_period, 'YYYY-MM') AS period, d.value AS id, nm.value AS name, ty.value AS type,"
                            + "   ca.value AS category, cu.value AS currency, l.used, l.unused, l.n FROM lines l"
                            + " JOIN billing_strings d ON d.tenant_id = ? AND d.id = l.id"
                            + " LEFT JOIN billing_strings nm ON nm.tenant_id = ? AND nm.id = l.name"
                            + " LEFT JOIN billing_strings ty ON ty.tenant_id = ? AND ty.id = l.type"
                            + " LEFT JOIN billing_strings ca ON ca.tenant_id = ? AND ca.id = l.category"
                            + " LEFT JOIN billing_strings cu ON cu.tenant_id = ? AND cu.id = l.currency"
                            + " ORDER BY 1, 2, 6")
                    .params(tenantId, tenantId, tenantId, tenantId, tenantId, tenantId, tenantId, tenantId)
                    .query((rs, i) -> {
                        BigDecimal used = rs.getBigDecimal("used");
                        BigDecimal unused = rs.getBigDecimal("unused");
                        BigDecimal all = used.add(unused);
                        return new Utilization(rs.getString("period"), rs.getString("id"), rs.getString("name"), rs.getString("type"),
                                rs.getString("category"), rs.getString("currency"), ActualsService.money(used), ActualsService.money(unused),
                                all.signum() == 0 ? null : used.multiply(BigDecimal.valueOf(100)).divide(all, 2, RoundingMode.HALF_EVEN)
                                        .toPlainString(), rs.getLong("n"));
                    }).list();
        });
        return new Page(range.from().toString(), range.to().toString(), found);
    }
}
