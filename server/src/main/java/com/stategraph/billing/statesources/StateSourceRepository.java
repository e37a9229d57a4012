package com.stategraph.billing.statesources;

import com.stategraph.billing.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The tables state_sources and state_source_runs. */
@Repository
public class StateSourceRepository {
    private static final String COLUMNS = "id, tenant_id, source_uri, region, enabled, created_at, updated_at, last_status, last_error,"
            + " last_synced_at, last_state_count";
    private static final String RUN_COLUMNS = "id, source_id, status, trigger, requested_by, requested_at, started_at, finished_at,"
            + " objects, states_pushed, states_unchanged, states_removed, error, warnings::text AS warnings";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public StateSourceRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StateSource> insert(UUID tenantId, String uri, String region, boolean enabled) {
        return jdbc.sql("INSERT INTO state_sources (tenant_id, id, source_uri, region, enabled) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (tenant_id, source_uri) DO NOTHING RETURNING " + COLUMNS)
                .params(tenantId, UUID.randomUUID(), uri, region, enabled).query((rs, i) -> map(rs)).optional();
    }

    public List<StateSource> list(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM state_sources WHERE tenant_id = ? ORDER BY created_at, id")
                .param(tenantId).query((rs, i) -> map(rs)).list();
    }

    public Optional<StateSource> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM state_sources WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id).query((rs, i) -> map(rs)).optional();
    }

    Optional<StateSource> findForUpdate(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM state_sources WHERE tenant_id = ? AND id = ? FOR UPDATE")
                .params(tenantId, id).query((rs, i) -> map(rs)).optional();
    }

    /** @throws DuplicateKeyException when the tenant has another source of that URI */
    StateSource update(UUID tenantId, UUID id, String uri, String region, boolean enabled) {
        return jdbc.sql("UPDATE state_sources SET source_uri = ?, region = ?, enabled = ?, updated_at = now()"
                        + " WHERE tenant_id = ? AND id = ? RETURNING " + COLUMNS)
                .params(uri, region, enabled, tenantId, id).query((rs, i) -> map(rs)).single();
    }

    void delete(UUID tenantId, UUID id) {
        jdbc.sql("DELETE FROM state_sources WHERE tenant_id = ? AND id = ?").params(tenantId, id).update();
    }

    /** Every enabled source, for the schedule. */
    List<StateSource> enabled() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM state_sources WHERE enabled ORDER BY tenant_id, id").query((rs, i) -> map(rs)).list();
    }

    /** A run to do; empty when one of the source is already waiting or running (the database allows one). */
    Optional<StateSourceRun> insertRun(UUID tenantId, UUID sourceId, String trigger, String requestedBy) {
        return jdbc.sql("INSERT INTO state_source_runs (tenant_id, id, source_id, status, trigger, requested_by)"
                        + " VALUES (?, ?, ?, 'queued', ?, ?) ON CONFLICT (tenant_id, source_id) WHERE status IN ('queued', 'running')"
                        + " DO NOTHING RETURNING " + RUN_COLUMNS)
                .params(tenantId, UUID.randomUUID(), sourceId, trigger, requestedBy).query((rs, i) -> mapRun(rs)).optional();
    }

    Optional<StateSourceRun> activeRun(UUID tenantId, UUID sourceId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM state_source_runs WHERE tenant_id = ? AND source_id = ?"
                        + " AND status IN ('queued', 'running')")
                .params(tenantId, sourceId).query((rs, i) -> mapRun(rs)).optional();
    }

    /** Tenant and source of a run, found by the run's id alone (db-scheduler names executions by it). */
    Optional<UUID[]> runOwner(UUID runId) {
        return jdbc.sql("SELECT tenant_id, source_id FROM state_source_runs WHERE id = ?").param(runId)
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional();
    }

    void started(UUID tenantId, UUID runId, UUID sourceId) {
        jdbc.sql("UPDATE state_source_runs SET status = 'running', started_at = now() WHERE tenant_id = ? AND id = ?")
                .params(tenantId, runId).update();
        jdbc.sql("UPDATE state_sources SET last_status = 'running' WHERE tenant_id = ? AND id = ?").params(tenantId, sourceId).update();
    }

    void finished(UUID tenantId, UUID runId, UUID sourceId, StateSourceSync.Outcome o) {
        jdbc.sql("UPDATE state_source_runs SET status = ?, finished_at = now(), objects = ?, states_pushed = ?, states_unchanged = ?,"
                        + " states_removed = ?, error = ?, warnings = ?::jsonb WHERE tenant_id = ? AND id = ?")
                .params(o.error() == null ? "ok" : "error", o.objects(), o.pushed(), o.unchanged(), o.removed(), o.error(),
                        json.writeValueAsString(o.warnings()), tenantId, runId)
                .update();
        if (o.error() == null) {
            jdbc.sql("UPDATE state_sources SET last_status = 'ok', last_error = NULL, last_synced_at = now(), last_state_count ="
                            + " (SELECT count(*) FROM terraform_states WHERE tenant_id = ? AND state_source_id = ?) WHERE tenant_id = ? AND id = ?")
                    .params(tenantId, sourceId, tenantId, sourceId).update();
        } else {
            jdbc.sql("UPDATE state_sources SET last_status = 'error', last_error = ? WHERE tenant_id = ? AND id = ?")
                    .params(o.error(), tenantId, sourceId).update();
        }
    }

    List<StateSourceRun> runs(UUID tenantId, UUID sourceId, int limit) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM state_source_runs WHERE tenant_id = ? AND source_id = ?"
                        + " ORDER BY requested_at DESC, id LIMIT ?")
                .params(tenantId, sourceId, limit).query((rs, i) -> mapRun(rs)).list();
    }

    private static StateSource map(ResultSet rs) throws SQLException {
        return new StateSource(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("source_uri"),
                rs.getString("region"), rs.getBoolean("enabled"), Timestamps.toInstant(rs.getTimestamp("created_at")),
                Timestamps.toInstant(rs.getTimestamp("updated_at")), rs.getString("last_status"), rs.getString("last_error"),
                Timestamps.toInstant(rs.getTimestamp("last_synced_at")), (Integer) rs.getObject("last_state_count"));
    }

    private StateSourceRun mapRun(ResultSet rs) throws SQLException {
        return new StateSourceRun(rs.getObject("id", UUID.class), rs.getObject("source_id", UUID.class), rs.getString("status"),
                rs.getString("trigger"), rs.getString("requested_by"), Timestamps.toInstant(rs.getTimestamp("requested_at")),
                Timestamps.toInstant(rs.getTimestamp("started_at")), Timestamps.toInstant(rs.getTimestamp("finished_at")),
                rs.getInt("objects"), rs.getInt("states_pushed"), rs.getInt("states_unchanged"), rs.getInt("states_removed"),
                rs.getString("error"), json.readValue(rs.getString("warnings"), new TypeReference<List<String>>() { }));
    }
}
