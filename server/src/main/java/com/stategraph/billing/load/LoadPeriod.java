package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A billing period of a load's window: its new load (and that load's table), its rows before and
 * after, and whether the export holds it, so that the load replaces it.
 */
final class LoadPeriod {
    final LocalDate start;
    final LoadTable table;
    final long previousRows;
    long rows;
    Instant firstCharge;
    Instant lastCharge;
    /** Set by the reading thread too ({@link BillingLoad#expectPeriod}). */
    volatile boolean inExport;

    LoadPeriod(LocalDate start, long previousRows) {
        this.start = start;
        this.table = new LoadTable(start);
        this.previousRows = previousRows;
    }

    void charged(Instant chargeStart) {
        if (firstCharge == null || chargeStart.isBefore(firstCharge)) {
            firstCharge = chargeStart;
        }
        if (lastCharge == null || chargeStart.isAfter(lastCharge)) {
            lastCharge = chargeStart;
        }
    }

    /**
     * Records the new loads of the periods the export holds as current, in the load's transaction; the
     * periods it leaves alone go to {@code kept} (with their rows), and those it now holds no row of to
     * {@code nowEmpty} (with their rows before).
     */
    static void record(Connection c, UUID tenantId, UUID sourceId, UUID runId, Collection<LoadPeriod> window,
                       UnsummedTagKeys unsummed, Map<LocalDate, Long> kept, Map<LocalDate, Long> nowEmpty) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO billing_loads (id, tenant_id, source_id, run_id,"
                + " billing_period, state, row_count, activated_at, first_charge, last_charge, unsummed_tag_keys)"
                + " VALUES (?, ?, ?, ?, ?, 'current', ?, now(), ?, ?, ?::jsonb)")) {
            for (LoadPeriod p : window) {
                if (!p.inExport) {
                    if (p.previousRows > 0) {
                        kept.put(p.start, p.previousRows);
                    }
                    continue;
                }
                if (p.rows == 0 && p.previousRows > 0) {
                    nowEmpty.put(p.start, p.previousRows);
                }
                ins.setObject(1, p.table.loadId);
                ins.setObject(2, tenantId);
                ins.setObject(3, sourceId);
                ins.setObject(4, runId);
                ins.setObject(5, p.start);
                ins.setLong(6, p.rows);
                ins.setObject(7, p.firstCharge == null ? null : p.firstCharge.atOffset(ZoneOffset.UTC));
                ins.setObject(8, p.lastCharge == null ? null : p.lastCharge.atOffset(ZoneOffset.UTC));
                ins.setString(9, unsummed.json(p.start));
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }
}
