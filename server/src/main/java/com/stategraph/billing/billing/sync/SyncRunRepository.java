package com.stategraph.billing.billing.sync;

import com.stategraph.billing.db.Timestamps;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SyncRunRepository {
    private static final String COLUMNS = """
            id, source_id, status, trigger, requested_at, started_at, finished_at, window_start, window_end,
            files, bytes, rows, error""";

    private final JdbcClient jdbc;

    public SyncRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a sync unless one is already queued or running for the source; a partial unique
     * index makes that check race-free across server replicas.
     *
     * @return the new run, or the run already waiting or running
     */
    public SyncRun requestRun(UUID tenantId, UUID sourceId, String trigger, LocalDate windowStart, String requestedBy) {
        Optional<SyncRun> created = jdbc.sql("INSERT INTO sync_runs (id, tenant_id, source_id, status, trigger, window_start, requested_by)"
                        + " VALUES (?, ?, ?, 'queued', ?, ?, ?)"
                        + " ON CONFLICT (source_id) WHERE status IN ('queued', 'running') DO NOTHING"
                        + " RETURNING " + COLUMNS)
                .params(UUID.randomUUID(), tenantId, sourceId, trigger, windowStart == null ? null : Date.valueOf(windowStart), requestedBy)
                .query((rs, i) -> map(rs))
                .optional();
        return created.orElseGet(() -> active(tenantId, sourceId).orElseThrow(
                () -> new IllegalStateException("sync of " + sourceId + " neither queued nor active")));
    }

    public Optional<SyncRun> active(UUID tenantId, UUID sourceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_runs WHERE tenant_id = ? AND source_id = ? AND status IN ('queued', 'running')")
                .params(tenantId, sourceId)
                .query((rs, i) -> map(rs))
                .optional();
    }

    public List<SyncRun> list(UUID tenantId, UUID sourceId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_runs WHERE tenant_id = ? AND source_id = ?"
                        + " ORDER BY requested_at DESC, id DESC LIMIT ?")
                .params(tenantId, sourceId, limit)
                .query((rs, i) -> map(rs))
                .list();
    }

    private static SyncRun map(ResultSet rs) throws SQLException {
        return new SyncRun(
                rs.getObject("id", UUID.class),
                rs.getObject("source_id", UUID.class),
                rs.getString("status"),
                rs.getString("trigger"),
                Timestamps.toInstant(rs.getTimestamp("requested_at")),
                Timestamps.toInstant(rs.getTimestamp("started_at")),
                Timestamps.toInstant(rs.getTimestamp("finished_at")),
                date(rs.getDate("window_start")),
                date(rs.getDate("window_end")),
                rs.getInt("files"),
                rs.getLong("bytes"),
                rs.getLong("rows"),
                rs.getString("error"));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
