package com.stategraph.billing.states;

import com.stategraph.billing.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table terraform_states. */
@Repository
public class StateRepository {
    private static final String COLUMNS = "id, tenant_id, name, serial, lineage, terraform_version, resource_count, source, updated_at";

    private final JdbcClient jdbc;

    public StateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new, still empty state of that name; empty when the tenant has one. Visible to others once committed. */
    Optional<UUID> insertIfAbsent(UUID tenantId, String name, String source) {
        return jdbc.sql("INSERT INTO terraform_states (tenant_id, id, name, serial, resource_count, source) VALUES (?, ?, ?, -1, 0, ?)"
                        + " ON CONFLICT (tenant_id, name) DO NOTHING RETURNING id")
                .params(tenantId, UUID.randomUUID(), name, source).query(UUID.class).optional();
    }

    /** The tenant's state of that name, locked until the transaction ends: pushes of one name apply one after the other. */
    Optional<TerraformState> lockByName(UUID tenantId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM terraform_states WHERE tenant_id = ? AND name = ? FOR UPDATE")
                .params(tenantId, name).query((rs, i) -> map(rs)).optional();
    }

    TerraformState update(UUID tenantId, UUID id, StateReader.Header header, int resourceCount, String source) {
        return jdbc.sql("UPDATE terraform_states SET serial = ?, lineage = ?, terraform_version = ?, resource_count = ?, source = ?,"
                        + " updated_at = now() WHERE tenant_id = ? AND id = ? RETURNING " + COLUMNS)
                .params(header.serial(), header.lineage(), header.terraformVersion(), resourceCount, source, tenantId, id)
                .query((rs, i) -> map(rs)).single();
    }

    /** Where a state comes from: a state source (and the object version read), or a push (null source). */
    public record Origin(UUID sourceId, String version) {
    }

    Origin origin(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT state_source_id, source_version FROM terraform_states WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id).query((rs, i) -> new Origin(rs.getObject(1, UUID.class), rs.getString(2))).single();
    }

    void setOrigin(UUID tenantId, UUID id, Origin origin) {
        jdbc.sql("UPDATE terraform_states SET state_source_id = ?, source_version = ? WHERE tenant_id = ? AND id = ?")
                .params(origin.sourceId(), origin.version(), tenantId, id).update();
    }

    /** The states a state source made, with the version of the object each was last read from. */
    public java.util.Map<String, Origin> ofSource(UUID tenantId, UUID sourceId) {
        java.util.Map<String, Origin> byName = new java.util.TreeMap<>();
        jdbc.sql("SELECT name, state_source_id, source_version FROM terraform_states WHERE tenant_id = ? AND state_source_id = ?")
                .params(tenantId, sourceId)
                .query(rs -> {
                    byName.put(rs.getString(1), new Origin(rs.getObject(2, UUID.class), rs.getString(3)));
                });
        return byName;
    }

    public Optional<TerraformState> findByName(UUID tenantId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM terraform_states WHERE tenant_id = ? AND name = ?")
                .params(tenantId, name).query((rs, i) -> map(rs)).optional();
    }

    public List<TerraformState> list(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM terraform_states WHERE tenant_id = ? ORDER BY name")
                .param(tenantId).query((rs, i) -> map(rs)).list();
    }

    /** By id alone: the API's /states/{id} paths name no tenant; the caller's access is checked on what this finds. */
    public Optional<TerraformState> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM terraform_states WHERE id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    /** Its resources go with it (cascade). */
    boolean delete(UUID tenantId, UUID id) {
        return jdbc.sql("DELETE FROM terraform_states WHERE tenant_id = ? AND id = ?").params(tenantId, id).update() > 0;
    }

    private static TerraformState map(ResultSet rs) throws SQLException {
        return new TerraformState(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("name"),
                rs.getLong("serial"), rs.getString("lineage"), rs.getString("terraform_version"), rs.getInt("resource_count"),
                rs.getString("source"), Timestamps.toInstant(rs.getTimestamp("updated_at")));
    }
}
