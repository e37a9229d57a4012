package com.stategraph.billing.sync;

import com.stategraph.billing.format.ConformanceFindings;
import com.stategraph.billing.db.Timestamps;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class SyncRunRepository {
    private static final String COLUMNS = """
            id, source_id, status, trigger, requested_at, started_at, finished_at, window_start, window_end,
            files, bytes, rows, error, warnings, focus_versions, unchanged""";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ConformanceFindings.Warning>> WARNINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<SyncRun.FocusVersionCount>> VERSIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<SyncRun.UnchangedPeriod>> UNCHANGED = new TypeReference<>() {
    };

    private static final int MAX_REQUEST_TRIES = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public SyncRunRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** What the sync executor needs to know about a run. */
    public record RunTarget(UUID id, UUID tenantId, UUID sourceId, String status, String trigger,
                            LocalDate requestedStart, int attempt, boolean force) {
    }

    /**
     * Queues a sync unless one is already queued or running for the source; a partial unique
     * index makes that check race-free across server replicas.
     *
     * @return the new run and true, or the run already waiting or running and false
     */
    public Requested requestRun(UUID tenantId, UUID sourceId, String trigger, LocalDate windowStart, String requestedBy,
                                int attempt, boolean force) {
        // The run that blocked the insert can finish before it is read back; the insert then succeeds on a retry.
        for (int tries = 0; tries < MAX_REQUEST_TRIES; tries++) {
            Optional<SyncRun> created = insertQueued(tenantId, sourceId, trigger, windowStart, requestedBy, attempt, force);
            if (created.isPresent()) {
                return new Requested(created.get(), true);
            }
            if (force) {
                // A run still waiting reads every file when it starts; one already running goes on as it began.
                jdbc.sql("UPDATE sync_runs SET force = true WHERE tenant_id = ? AND source_id = ? AND status = 'queued'")
                        .params(tenantId, sourceId).update();
            }
            Optional<SyncRun> active = active(tenantId, sourceId);
            if (active.isPresent()) {
                return new Requested(active.get(), false);
            }
        }
        throw new IllegalStateException("sync of " + sourceId + " could not be queued: runs kept finishing while it was requested");
    }

    private Optional<SyncRun> insertQueued(UUID tenantId, UUID sourceId, String trigger, LocalDate windowStart,
                                           String requestedBy, int attempt, boolean force) {
        return jdbc.sql("INSERT INTO sync_runs (id, tenant_id, source_id, status, trigger, window_start,"
                        + " requested_by, attempt, force) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (tenant_id, source_id) WHERE status IN ('queued', 'running') DO NOTHING"
                        + " RETURNING " + COLUMNS)
                .params(UUID.randomUUID(), tenantId, sourceId, trigger, windowStart == null ? null : Date.valueOf(windowStart),
                        requestedBy, attempt, force)
                .query((rs, i) -> map(rs))
                .optional();
    }

    public record Requested(SyncRun run, boolean created) {
    }

    public Optional<SyncRun> active(UUID tenantId, UUID sourceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_runs WHERE tenant_id = ? AND source_id = ? AND status IN ('queued', 'running')")
                .params(tenantId, sourceId)
                .query((rs, i) -> map(rs))
                .optional();
    }

    /** The source's most recent finished run, whose warnings the console shows next to its status. */
    public Optional<SyncRun> lastFinished(UUID tenantId, UUID sourceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_runs WHERE tenant_id = ? AND source_id = ? AND status IN ('ok', 'error')"
                        + " ORDER BY finished_at DESC NULLS LAST, requested_at DESC LIMIT 1")
                .params(tenantId, sourceId)
                .query((rs, i) -> map(rs))
                .optional();
    }

    public Optional<SyncRun> find(UUID tenantId, UUID sourceId, UUID runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_runs WHERE tenant_id = ? AND source_id = ? AND id = ?")
                .params(tenantId, sourceId, runId)
                .query((rs, i) -> map(rs))
                .optional();
    }

    public Optional<RunTarget> target(UUID runId) {
        return jdbc.sql("SELECT id, tenant_id, source_id, status, trigger, window_start, attempt, force FROM sync_runs WHERE id = ?")
                .param(runId)
                .query((rs, i) -> new RunTarget(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getObject("source_id", UUID.class), rs.getString("status"), rs.getString("trigger"),
                        date(rs.getDate("window_start")), rs.getInt("attempt"), rs.getBoolean("force")))
                .optional();
    }

    public List<SyncRun> list(UUID tenantId, UUID sourceId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_runs WHERE tenant_id = ? AND source_id = ?"
                        + " ORDER BY requested_at DESC, id DESC LIMIT ?")
                .params(tenantId, sourceId, limit)
                .query((rs, i) -> map(rs))
                .list();
    }

    /**
     * Marks the run running over {@code window}. A run found already running was started by a
     * process that died; it starts over, its earlier partial load having rolled back.
     *
     * @return false when the run is finished or gone
     */
    /**
     * Marks the run running and counts the start. @return how many times the run has been started, this start
     * included (more than 1: its server died under an earlier start), or 0 when it is no longer queued or running
     */
    public int start(UUID runId, SyncWindow window) {
        return jdbc.sql("UPDATE sync_runs SET status = 'running', started_at = now(), finished_at = NULL,"
                        + " window_start = ?, window_end = ?, files = 0, bytes = 0, rows = 0, error = NULL, starts = starts + 1,"
                        + " warnings = '[]'::jsonb, focus_versions = '[]'::jsonb, unchanged = '[]'::jsonb WHERE id = ? AND status IN ('queued', 'running')"
                        + " RETURNING starts")
                .params(Date.valueOf(window.first()), Date.valueOf(window.end()), runId)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * Files and rows so far. Progress is a hint for people watching, so its commit does not wait for
     * the write-ahead log to reach disk: with a load streaming in, that wait would flush the load's
     * log too, every 50,000 rows. A crash loses at most the last hint.
     */
    public void progress(UUID runId, int files, long bytes, long rows) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            jdbc.sql("UPDATE sync_runs SET files = ?, bytes = ?, rows = ? WHERE id = ? AND status = 'running'")
                    .params(files, bytes, rows, runId)
                    .update();
        });
    }

    /** The run's outcome, with the files and bytes it read (progress may not have recorded the last of them). */
    public void finish(UUID runId, boolean ok, String error, long rows, List<ConformanceFindings.Warning> warnings,
                       Map<String, Integer> focusVersions, List<SyncRun.UnchangedPeriod> unchanged, int files, long bytes) {
        List<SyncRun.FocusVersionCount> versions = focusVersions.entrySet().stream()
                .map(e -> new SyncRun.FocusVersionCount(e.getKey(), e.getValue())).toList();
        jdbc.sql("UPDATE sync_runs SET status = ?, finished_at = now(), error = ?, rows = ?, warnings = ?::jsonb,"
                        + " focus_versions = ?::jsonb, unchanged = ?::jsonb,"
                        + " files = ?, bytes = ? WHERE id = ? AND status = 'running'")
                .params(ok ? "ok" : "error", error, rows, JSON.writeValueAsString(warnings),
                        JSON.writeValueAsString(versions), JSON.writeValueAsString(unchanged), files, bytes, runId)
                .update();
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
                rs.getString("error"),
                JSON.readValue(rs.getString("warnings"), WARNINGS),
                JSON.readValue(rs.getString("focus_versions"), VERSIONS),
                JSON.readValue(rs.getString("unchanged"), UNCHANGED));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
