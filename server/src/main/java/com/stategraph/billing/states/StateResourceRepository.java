package com.stategraph.billing.states;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** The table terraform_resources: each state's managed resource instances. */
@Repository
public class StateResourceRepository {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectMapper json;

    public StateResourceRepository(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** What the API shows of an instance. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "StateResource")
    public record Listed(String address, String type, String provider,
                         @io.swagger.v3.oas.annotations.media.Schema(nullable = true) String region, Map<String, String> tags,
                         @com.fasterxml.jackson.annotation.JsonProperty("cloud_ids") List<String> cloudIds) {
    }

    void deleteOfState(UUID tenantId, UUID stateId) {
        jdbc.sql("DELETE FROM terraform_resources WHERE tenant_id = ? AND state_id = ?").params(tenantId, stateId).update();
    }

    void insert(UUID tenantId, UUID stateId, List<ResourceInstance> instances) {
        batch.batchUpdate("INSERT INTO terraform_resources (tenant_id, state_id, address, type, provider, region, tags, cloud_ids,"
                + " attributes) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)", new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ResourceInstance r = instances.get(i);
                        ps.setObject(1, tenantId);
                        ps.setObject(2, stateId);
                        ps.setString(3, r.address());
                        ps.setString(4, r.type());
                        ps.setString(5, r.provider());
                        ps.setString(6, r.region());
                        ps.setString(7, json.writeValueAsString(r.tags()));
                        ps.setArray(8, ps.getConnection().createArrayOf("text", r.cloudIds().toArray()));
                        ps.setString(9, json.writeValueAsString(r.attributes()));
                    }

                    @Override
                    public int getBatchSize() {
                        return instances.size();
                    }
                });
    }

    /** A page of a state's instances in address order, after {@code after} (exclusive) when given. */
    public List<Listed> page(UUID tenantId, UUID stateId, String after, int limit) {
        return jdbc.sql("SELECT address, type, provider, region, tags::text AS tags, cloud_ids FROM terraform_resources"
                        + " WHERE tenant_id = ? AND state_id = ? AND (?::text IS NULL OR address > ?)"
                        + " ORDER BY address LIMIT ?")
                .params(tenantId, stateId, after, after, limit)
                .query((rs, i) -> new Listed(rs.getString("address"), rs.getString("type"), rs.getString("provider"),
                        rs.getString("region"), tagsOf(rs.getString("tags")),
                        List.of((String[]) rs.getArray("cloud_ids").getArray())))
                .list();
    }

    /**
     * Every instance of the state with its attributes, in address order, read by one statement in
     * batches (so one consistent view, and never the whole state in memory). Needs a transaction:
     * outside one, the driver reads the whole result first.
     */
    public void forEach(UUID tenantId, UUID stateId, java.util.function.Consumer<ResourceInstance> each) {
        JdbcTemplate streaming = new JdbcTemplate(batch.getDataSource());
        streaming.setFetchSize(500);
        streaming.query("SELECT address, type, provider, region, tags::text AS tags, cloud_ids, attributes::text AS attributes"
                + " FROM terraform_resources WHERE tenant_id = ? AND state_id = ? ORDER BY address", rs -> {
                    each.accept(new ResourceInstance(rs.getString("address"), rs.getString("type"), rs.getString("provider"),
                            rs.getString("region"), tagsOf(rs.getString("tags")), List.of((String[]) rs.getArray("cloud_ids").getArray()),
                            (tools.jackson.databind.node.ObjectNode) json.readTree(rs.getString("attributes"))));
                }, tenantId, stateId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> tagsOf(String text) {
        return json.readValue(text, Map.class);
    }
}
