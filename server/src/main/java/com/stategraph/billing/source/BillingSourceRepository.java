package com.stategraph.billing.source;

import com.stategraph.billing.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BillingSourceRepository {
    private static final String COLUMNS = """
            id, tenant_id, provider, source_uri, region, window_months, enabled, created_at, updated_at,
            last_status, last_error, last_synced_at, last_row_count""";

    private final JdbcClient jdbc;

    public BillingSourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new source, or empty when the tenant already has one for this provider and URI */
    public Optional<BillingSource> insert(UUID tenantId, Provider provider, String sourceUri, String region,
                                          int windowMonths, boolean enabled) {
        return jdbc.sql("INSERT INTO billing_sources (id, tenant_id, provider, source_uri, region, window_months, enabled)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, provider, source_uri) DO NOTHING"
                        + " RETURNING " + COLUMNS)
                .params(UUID.randomUUID(), tenantId, provider.value(), sourceUri, region, windowMonths, enabled)
                .query((rs, i) -> map(rs))
                .optional();
    }

    public List<BillingSource> list(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_sources WHERE tenant_id = ? ORDER BY created_at, id")
                .param(tenantId)
                .query((rs, i) -> map(rs))
                .list();
    }

    /** Which sources the schedule syncs: every enabled one, of every tenant. */
    public record Enabled(UUID tenantId, UUID id) {
    }

    public List<Enabled> enabled() {
        return jdbc.sql("SELECT tenant_id, id FROM billing_sources WHERE enabled ORDER BY tenant_id, id")
                .query((rs, i) -> new Enabled(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    public Optional<BillingSource> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_sources WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id)
                .query((rs, i) -> map(rs))
                .optional();
    }

    /** Locks the row so concurrent updates of one source apply one after the other. */
    public Optional<BillingSource> findForUpdate(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_sources WHERE tenant_id = ? AND id = ? FOR UPDATE")
                .params(tenantId, id)
                .query((rs, i) -> map(rs))
                .optional();
    }

    public BillingSource update(BillingSource s) {
        return jdbc.sql("UPDATE billing_sources SET source_uri = ?, region = ?, window_months = ?, enabled = ?,"
                        + " updated_at = now() WHERE tenant_id = ? AND id = ? RETURNING " + COLUMNS)
                .params(s.sourceUri(), s.region(), s.windowMonths(), s.enabled(), s.tenantId(), s.id())
                .query((rs, i) -> map(rs))
                .single();
    }

    public boolean existsOther(UUID tenantId, UUID id, String provider, String sourceUri) {
        return jdbc.sql("SELECT count(*) FROM billing_sources WHERE tenant_id = ? AND provider = ? AND source_uri = ? AND id <> ?")
                .params(tenantId, provider, sourceUri, id)
                .query(Long.class).single() > 0;
    }

    /** Deletes the source; its billing rows must be gone first (SourceRowsRemoval.delete). */
    public void delete(UUID tenantId, UUID id) {
        jdbc.sql("DELETE FROM billing_sources WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    public void markRunning(UUID tenantId, UUID id) {
        jdbc.sql("UPDATE billing_sources SET last_status = 'running' WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id).update();
    }

    public void markSynced(UUID tenantId, UUID id, long rows) {
        jdbc.sql("UPDATE billing_sources SET last_status = 'ok', last_error = NULL, last_synced_at = now(),"
                        + " last_row_count = ? WHERE tenant_id = ? AND id = ?")
                .params(rows, tenantId, id).update();
    }

    public void markFailed(UUID tenantId, UUID id, String error) {
        jdbc.sql("UPDATE billing_sources SET last_status = 'error', last_error = ? WHERE tenant_id = ? AND id = ?")
                .params(error, tenantId, id).update();
    }

    private static BillingSource map(ResultSet rs) throws SQLException {
        return new BillingSource(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("provider"),
                rs.getString("source_uri"),
                rs.getString("region"),
                rs.getInt("window_months"),
                rs.getBoolean("enabled"),
                Timestamps.toInstant(rs.getTimestamp("created_at")),
                Timestamps.toInstant(rs.getTimestamp("updated_at")),
                rs.getString("last_status"),
                rs.getString("last_error"),
                Timestamps.toInstant(rs.getTimestamp("last_synced_at")),
                rs.getObject("last_row_count", Long.class));
    }
}
