package com.stategraph.billing.estimates;

import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.db.Timestamps;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The tables estimate_snapshots and estimate_instances. */
@Repository
public class SnapshotRepository {
    private static final String COLUMNS = "id, tenant_id, state_id, state_name, removed, calculated_at, state_updated_at, book_loaded_at,"
            + " monthly_cost, resource_count, supported_count, priced_count";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectMapper json;

    public SnapshotRepository(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    void insert(Snapshot s) {
        jdbc.sql("INSERT INTO estimate_snapshots (tenant_id, id, state_id, state_name, removed, calculated_at, state_updated_at,"
                        + " book_loaded_at, monthly_cost, resource_count, supported_count, priced_count)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.tenantId(), s.id(), s.stateId(), s.stateName(), s.removed(), ts(s.calculatedAt()), ts(s.stateUpdatedAt()),
                        ts(s.bookLoadedAt()), s.monthlyCost(), s.resourceCount(), s.supportedCount(), s.pricedCount())
                .update();
    }

    void updateTotals(Snapshot s) {
        jdbc.sql("UPDATE estimate_snapshots SET monthly_cost = ?, resource_count = ?, supported_count = ?, priced_count = ?"
                        + " WHERE tenant_id = ? AND id = ?")
                .params(s.monthlyCost(), s.resourceCount(), s.supportedCount(), s.pricedCount(), s.tenantId(), s.id())
                .update();
    }

    void insertInstances(UUID tenantId, UUID snapshotId, List<Estimator.Estimate> estimates) {
        batch.batchUpdate("INSERT INTO estimate_instances (tenant_id, snapshot_id, address, type, provider, region, supported, no_price,"
                + " monthly_cost, tags, components) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Estimator.Estimate e = estimates.get(i);
                        InstanceCost c = e.cost();
                        ps.setObject(1, tenantId);
                        ps.setObject(2, snapshotId);
                        ps.setString(3, c.address());
                        ps.setString(4, c.type());
                        ps.setString(5, c.provider());
                        ps.setString(6, c.region());
                        ps.setBoolean(7, c.supported());
                        ps.setBoolean(8, c.noPrice());
                        ps.setBigDecimal(9, e.monthly());
                        ps.setString(10, json.writeValueAsString(c.tags()));
                        ps.setString(11, json.writeValueAsString(c.components()));
                    }

                    @Override
                    public int getBatchSize() {
                        return estimates.size();
                    }
                });
    }

    /** The state's last snapshot, removed or not. */
    public Optional<Snapshot> latest(UUID tenantId, UUID stateId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM estimate_snapshots WHERE tenant_id = ? AND state_id = ?"
                        + " ORDER BY calculated_at DESC, id LIMIT 1")
                .params(tenantId, stateId).query((rs, i) -> map(rs)).optional();
    }

    /** The last snapshot of each of the tenant's current states. */
    public List<Snapshot> latestOfTenant(UUID tenantId) {
        return jdbc.sql("SELECT DISTINCT ON (s.state_id) " + prefixed("s.") + " FROM estimate_snapshots s"
                        + " JOIN terraform_states t ON t.tenant_id = s.tenant_id AND t.id = s.state_id"
                        + " WHERE s.tenant_id = ? ORDER BY s.state_id, s.calculated_at DESC, s.id")
                .param(tenantId).query((rs, i) -> map(rs)).list();
    }

    public List<InstanceCost> instances(UUID tenantId, UUID snapshotId) {
        return jdbc.sql("SELECT address, type, provider, region, supported, no_price, monthly_cost, tags::text AS tags,"
                        + " components::text AS components FROM estimate_instances WHERE tenant_id = ? AND snapshot_id = ? ORDER BY address")
                .params(tenantId, snapshotId)
                .query((rs, i) -> {
                    BigDecimal monthly = rs.getBigDecimal("monthly_cost");
                    return new InstanceCost(rs.getString("address"), rs.getString("type"), rs.getString("provider"),
                            rs.getString("region"), rs.getBoolean("supported"), rs.getBoolean("no_price"), ActualsService.money(monthly),
                            ActualsService.money(Estimator.hourly(monthly)),
                            json.readValue(rs.getString("tags"), new TypeReference<Map<String, String>>() { }),
                            json.readValue(rs.getString("components"), new TypeReference<List<PricedComponent>>() { }));
                })
                .list();
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Snapshot map(ResultSet rs) throws SQLException {
        return new Snapshot(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getObject("state_id", UUID.class),
                rs.getString("state_name"), rs.getBoolean("removed"), Timestamps.toInstant(rs.getTimestamp("calculated_at")),
                Timestamps.toInstant(rs.getTimestamp("state_updated_at")), Timestamps.toInstant(rs.getTimestamp("book_loaded_at")),
                rs.getBigDecimal("monthly_cost"), rs.getInt("resource_count"), rs.getInt("supported_count"), rs.getInt("priced_count"));
    }
}
