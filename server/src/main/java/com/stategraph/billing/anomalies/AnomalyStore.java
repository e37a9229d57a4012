package com.stategraph.billing.anomalies;

import com.stategraph.billing.costs.ActualsService;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cost_anomalies} table. */
@Repository
class AnomalyStore {
    private static final String COLUMNS = "id, day, dimension, provider, sub_account_id, service_name, tag_key, tag_value, currency,"
            + " expected_cost, actual_cost, severity, detected_at, dismissed_at, dismissed_by, dismissed_reason";

    private final JdbcClient jdbc;

    AnomalyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A series of one dimension: which costs a day of it sums. */
    record SeriesKey(String dimension, String provider, String subAccountId, String serviceName, String tagKey, String tagValue,
                     String currency) {
    }

    /** An anomaly as stored, before its status is judged. */
    record Stored(UUID id, LocalDate day, SeriesKey key, java.math.BigDecimal expected, java.math.BigDecimal actual, String severity,
                  Instant detectedAt, Instant dismissedAt, String dismissedBy, String dismissedReason) {

        Anomaly view(LocalDate today) {
            String status = dismissedAt != null ? Anomaly.DISMISSED
                    : day.isAfter(today.minusDays(Anomaly.ACTIVE_DAYS)) ? Anomaly.ACTIVE : Anomaly.EXPIRED;
            return new Anomaly(id, day, key.dimension(), key.provider(), key.subAccountId(), key.serviceName(), key.tagKey(),
                    key.tagValue(), key.currency(), ActualsService.money(expected), ActualsService.money(actual),
                    ActualsService.money(actual.subtract(expected)), severity, status, detectedAt, dismissedAt, dismissedBy,
                    dismissedReason);
        }
    }

    /** The anomalies nobody dismissed, which a scan may find again or drop. */
    List<Stored> undismissed(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cost_anomalies WHERE tenant_id = ? AND dismissed_at IS NULL")
                .param(tenantId).query(AnomalyStore::stored).list();
    }

    record Written(UUID id, boolean inserted) {
    }

    /** Records a finding, or updates the one of the same series and day (keeping its id and dismissal). */
    Written insertOrUpdate(UUID tenantId, SeriesKey key, AnomalyDetector.Finding finding, Instant now) {
        return jdbc.sql("INSERT INTO cost_anomalies (tenant_id, id, day, dimension, provider, sub_account_id, service_name, tag_key,"
                        + " tag_value, currency, expected_cost, actual_cost, severity, detected_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT cost_anomalies_series_day DO UPDATE SET expected_cost = excluded.expected_cost,"
                        + " actual_cost = excluded.actual_cost, severity = excluded.severity RETURNING id, xmax = 0 AS inserted")
                .params(tenantId, UUID.randomUUID(), Date.valueOf(finding.day()), key.dimension(), key.provider(), key.subAccountId(),
                        key.serviceName(), key.tagKey(), key.tagValue(), key.currency(), finding.expected(), finding.actual(),
                        finding.severity().name(), Timestamp.from(now))
                .query((rs, i) -> new Written(rs.getObject("id", UUID.class), rs.getBoolean("inserted"))).single();
    }

    void delete(UUID tenantId, UUID id) {
        jdbc.sql("DELETE FROM cost_anomalies WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    Optional<Stored> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cost_anomalies WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id).query(AnomalyStore::stored).optional();
    }

    /** The anomalies of days {@code [from, to)}, latest day first, the largest change first within a day. */
    List<Stored> between(UUID tenantId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cost_anomalies WHERE tenant_id = ? AND day >= ? AND day < ?"
                        + " ORDER BY day DESC, abs(actual_cost - expected_cost) DESC, id")
                .params(tenantId, Date.valueOf(from), Date.valueOf(to)).query(AnomalyStore::stored).list();
    }

    /** Marks it dismissed unless it already is; true when this call dismissed it. */
    boolean dismiss(UUID tenantId, UUID id, String by, String reason, Instant now) {
        return jdbc.sql("UPDATE cost_anomalies SET dismissed_at = ?, dismissed_by = ?, dismissed_reason = ?"
                        + " WHERE tenant_id = ? AND id = ? AND dismissed_at IS NULL")
                .params(Timestamp.from(now), by, reason, tenantId, id).update() == 1;
    }

    /** The tenant's materiality; the default when the tenant is gone. */
    AnomalyDetector.Materiality materiality(UUID tenantId) {
        return jdbc.sql("SELECT anomaly_min_impact_percent, anomaly_min_impact_amount FROM tenants WHERE id = ?").param(tenantId)
                .query((rs, i) -> new AnomalyDetector.Materiality(rs.getBigDecimal(1).movePointLeft(2), rs.getBigDecimal(2)))
                .optional().orElse(AnomalyDetector.Materiality.DEFAULT);
    }

    void setMateriality(UUID tenantId, java.math.BigDecimal percent, java.math.BigDecimal amount) {
        jdbc.sql("UPDATE tenants SET anomaly_min_impact_percent = ?, anomaly_min_impact_amount = ? WHERE id = ?")
                .params(percent, amount, tenantId).update();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        Timestamp dismissed = rs.getTimestamp("dismissed_at");
        return new Stored(rs.getObject("id", UUID.class), rs.getDate("day").toLocalDate(),
                new SeriesKey(rs.getString("dimension"), rs.getString("provider"), rs.getString("sub_account_id"),
                        rs.getString("service_name"), rs.getString("tag_key"), rs.getString("tag_value"), rs.getString("currency")),
                rs.getBigDecimal("expected_cost"), rs.getBigDecimal("actual_cost"), rs.getString("severity"),
                rs.getTimestamp("detected_at").toInstant(), dismissed == null ? null : dismissed.toInstant(),
                rs.getString("dismissed_by"), rs.getString("dismissed_reason"));
    }
}
