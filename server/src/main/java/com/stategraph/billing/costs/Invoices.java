package com.stategraph.billing.costs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.load.RowsSnapshot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Billed cost per invoice, for reconciliation with the provider's invoices: FOCUS 1.2 says BilledCost
 * sums per InvoiceId to the invoice's amount. Per billing period, issuer, invoice and currency, from
 * the current loads' chunks, reading only the four columns it needs (never every column through the
 * billing_rows view); lines without an InvoiceId (not invoiced yet) are one group with a null id.
 */
@Service
public class Invoices {
    private final JdbcClient jdbc;
    private final RowsSnapshot snapshot;
    private final BillingPeriods periods;

    Invoices(JdbcClient jdbc, RowsSnapshot snapshot, BillingPeriods periods) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.periods = periods;
    }

    @Schema(name = "Invoice")
    public record Invoice(@JsonProperty("billing_period") String billingPeriod,
                          @Schema(nullable = true) @JsonProperty("invoice_issuer") String invoiceIssuer,
                          @Schema(nullable = true, description = "null: lines not on an invoice yet") @JsonProperty("invoice_id") String invoiceId,
                          String currency, @JsonProperty("billed_cost") String billedCost, @JsonProperty("line_count") long lineCount) {
    }

    @Schema(name = "Invoices")
    public record Page(@JsonProperty("period_from") String periodFrom, @JsonProperty("period_to") String periodTo, List<Invoice> results) {
    }

    /** Billing periods {@code [from, to)} as {@code YYYY-MM}; default the last three months and this one. */
    public Page of(UUID tenantId, String fromText, String toText) {
        BillingPeriods.Range range = periods.parse(fromText, toText);
        LocalDate first = range.first();
        LocalDate end = range.end();
        List<Invoice> invoices = CurrentChunks.read(snapshot, jdbc, tenantId, first, end, loads -> {
            return jdbc.sql("WITH lines AS (SELECT c.billing_period, u.invoice_id, u.issuer, u.currency, sum(u.billed) AS billed,"
                            + "   count(*) AS n FROM " + CurrentChunks.source("billing_period, invoice_id, invoice_issuer_name,"
                            + " billing_currency, billed_cost", loads)
                            + "   CROSS JOIN LATERAL unnest(c.invoice_id, c.invoice_issuer_name, c.billing_currency, c.billed_cost)"
                            + "     AS u (invoice_id, issuer, currency, billed)"
                            + "   GROUP BY 1, 2, 3, 4)"
                            + " SELECT to_char(l.billing_period, 'YYYY-MM') AS period, iss.value AS issuer, inv.value AS invoice,"
                            + "   cur.value AS currency, l.billed, l.n FROM lines l"
                            + " LEFT JOIN billing_strings inv ON inv.tenant_id = ? AND inv.id = l.invoice_id"
                            + " LEFT JOIN billing_strings iss ON iss.tenant_id = ? AND iss.id = l.issuer"
                            + " LEFT JOIN billing_strings cur ON cur.tenant_id = ? AND cur.id = l.currency"
                            + " ORDER BY 1, 2 NULLS LAST, 3 NULLS LAST, 4")
                    .params(tenantId, tenantId, tenantId, tenantId, tenantId)
                    .query((rs, i) -> new Invoice(rs.getString("period"), rs.getString("issuer"), rs.getString("invoice"),
                            rs.getString("currency"), ActualsService.money(rs.getBigDecimal("billed")), rs.getLong("n")))
                    .list();
        });
        return new Page(range.from().toString(), range.to().toString(), invoices);
    }
}
