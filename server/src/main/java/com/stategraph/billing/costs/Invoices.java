package com.stategraph.billing.costs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.load.BillingLoadRepository;
import com.stategraph.billing.load.RowsSnapshot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
    private final Clock clock;

    Invoices(JdbcClient jdbc, RowsSnapshot snapshot, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.clock = clock;
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
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth from = month(fromText, "from", now.minusMonths(3));
        YearMonth to = month(toText, "to", now.plusMonths(1));
        if (!from.isBefore(to)) {
            throw new InvalidInputException("INVALID_PARAMETER", "from (" + from + ") must be before to (" + to + ")");
        }
        LocalDate first = from.atDay(1);
        LocalDate end = to.atDay(1);
        List<Invoice> invoices = snapshot.read(() -> {
            List<UUID> loads = jdbc.sql("SELECT id FROM billing_loads WHERE tenant_id = ? AND state = 'current' AND row_count > 0"
                            + " AND billing_period >= ? AND billing_period < ?")
                    .params(tenantId, Date.valueOf(first), Date.valueOf(end)).query(UUID.class).list();
            if (loads.isEmpty()) {
                return List.<Invoice>of();
            }
            String only = BillingLoadRepository.onlyLoads("load_id", loads);
            String columns = "tenant_id, billing_period, invoice_id, invoice_issuer_name, billing_currency, billed_cost";
            return jdbc.sql("WITH lines AS (SELECT c.billing_period, u.invoice_id, u.issuer, u.currency, sum(u.billed) AS billed,"
                            + "   count(*) AS n FROM (SELECT " + columns + " FROM billing_chunks WHERE tenant_id = ? AND " + only
                            + "   UNION ALL SELECT " + columns + " FROM billing_chunks_small WHERE tenant_id = ? AND " + only + ") c"
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
        return new Page(from.toString(), to.toString(), invoices);
    }

    private static YearMonth month(String text, String name, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("INVALID_PARAMETER", name + " '" + text + "' is not a month of the form YYYY-MM");
        }
    }
}
