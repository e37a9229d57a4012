package com.stategraph.billing.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.auth.Caller;
import io.swagger.v3.oas.annotations.media.Schema;
import com.stategraph.billing.db.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Who changed what, and when. Written in the same transaction as the change it records. */
@Repository
public class AuditLog {
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public AuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Schema(name = "AuditEntry")
    public record Entry(long id, @JsonProperty("actor_type") String actorType,
                        @JsonProperty("actor_id") UUID actorId, @JsonProperty("actor_name") String actorName,
                        String action, @JsonProperty("target_type") String targetType,
                        @JsonProperty("target_id") UUID targetId, Map<String, Object> detail, Instant at) {
    }

    public void record(Caller actor, UUID tenantId, String action, String targetType, UUID targetId,
                       Map<String, ?> detail) {
        jdbc.sql("""
                        INSERT INTO audit_log (tenant_id, actor_type, actor_id, actor_name, action, target_type, target_id, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(tenantId, actor.type().name().toLowerCase(), actor.id(), actor.name(), action, targetType,
                        targetId, json.writeValueAsString(detail))
                .update();
    }

    public List<Entry> list(UUID tenantId, int limit) {
        return jdbc.sql("""
                        SELECT id, actor_type, actor_id, actor_name, action, target_type, target_id, detail::text AS detail, at
                        FROM audit_log WHERE tenant_id = ? ORDER BY at DESC, id DESC LIMIT ?""")
                .params(tenantId, limit)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("actor_type"),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("target_type"), rs.getObject("target_id", UUID.class), detail(rs.getString("detail")),
                        Timestamps.toInstant(rs.getTimestamp("at"))))
                .list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> detail(String text) {
        return json.readValue(text, Map.class);
    }
}
