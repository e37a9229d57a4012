package com.stategraph.billing.attribution;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attributes a tenant's billing lines: matches each distinct ResourceId of its bills against the
 * identifiers of its states' resource instances and writes the answer for all of them in one
 * transaction (readers see the old attribution or the new).
 */
@Service
public class AttributionCalculator {
    private static final int BATCH = 5_000;
    private static final String NEXT = "attribution_next";
    private static final String NEXT_UNMANAGED = "attribution_next_unmanaged";
    /** Unmanaged resources' ids a row of attribution_unmanaged: 4 KB of them. */
    private static final int UNMANAGED_BLOCK = 1024;
    /** Rows written by a computation past which the table's statistics are taken again in its transaction. */
    private static final int RESTATED = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final Clock clock;
    private final AttributionSummaries summaries;

    public AttributionCalculator(JdbcClient jdbc, DataSource dataSource, Clock clock, AttributionSummaries summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(5_000);
        this.clock = clock;
    }

    /** What a computation found. */
    public record Outcome(int resourceIds, int attributed, int identifiers) {
    }

    /**
     * Computes the tenant's attribution unless the last one already answered the last request by
     * this matcher version (or {@code force}). One computation per tenant at a time.
     */
    @Transactional
    public Outcome compute(UUID tenantId, boolean force) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("attribution:" + tenantId).query().singleRow();
        // Every statement here joins a tenant's resources in bulk, and right after its first sync the statistics may
        // not know them yet (autovacuum analyzes within a minute; an empty attribution_resources never). PostgreSQL then
        // took them for one row and joined in nested loops: the anti-join that inserts a new tenant's answers rescanned
        // the table it was filling once per answer (past the 30 s statement timeout at 185,000 resources, and so at every
        // retry), and the monthly summaries compared 10,000 x 5,000 rows (16 s; 47 ms hashed). Hashing is right for all.
        jdbc.sql("SET LOCAL enable_nestloop = off").update();
        var run = jdbc.sql("SELECT requested_at, computed_for, matcher_version FROM attribution_runs WHERE tenant_id = ?")
                .param(tenantId).query().listOfRows();
        Object requested = run.isEmpty() ? null : run.get(0).get("requested_at");
        if (!force && !run.isEmpty() && requested != null && requested.equals(run.get(0).get("computed_for"))
                && Integer.valueOf(CloudIds.MATCHER_VERSION).equals(run.get(0).get("matcher_version"))) {
            return null;
        }
        IdentifierIndex index = new IdentifierIndex();
        streaming.query("SELECT r.state_id, s.name, r.address, r.cloud_ids FROM terraform_resources r"
                + " JOIN terraform_states s ON s.tenant_id = r.tenant_id AND s.id = r.state_id WHERE r.tenant_id = ?", rs -> {
                    IdentifierIndex.Owner owner = new IdentifierIndex.Owner(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3));
                    for (String id : (String[]) rs.getArray(4).getArray()) {
                        index.add(id, owner);
                    }
                }, tenantId);
        // The answers go to a table of the transaction first; only those that differ from the stored ones
        // are written (most resources keep their owner from one sync to the next): no dead row per resource.
        jdbc.sql("CREATE TEMPORARY TABLE " + NEXT + " (resource_key integer NOT NULL, state_id uuid, address text) ON COMMIT DROP").update();
        List<Object[]> pending = new ArrayList<>(BATCH);
        int[] counts = new int[2];
        // The rollup keeps each resource by its dictionary id; the matcher reads the ResourceId's text.
        // From the sums' blocks (V50) directly: only their ids, not every sum and dimension the view cost_monthly_resources shows.
        streaming.query("SELECT m.resource_key, d.value FROM (SELECT DISTINCT k.resource_key FROM cost_resource_blocks b"
                + " CROSS JOIN LATERAL unnest(b.resource_keys) AS k (resource_key) WHERE b.tenant_id = ? AND b.block >= 0) m"
                + " JOIN billing_resource_values d ON d.tenant_id = ? AND d.id = m.resource_key", rs -> {
            int resourceKey = rs.getInt(1);
            IdentifierIndex.Owner owner = index.match(rs.getString(2));
            counts[0]++;
            if (owner != null) {
                counts[1]++;
            }
            pending.add(new Object[] {resourceKey, owner == null ? null : owner.stateId(), owner == null ? null : owner.address()});
            if (pending.size() == BATCH) {
                write(pending);
                pending.clear();
            }
        }, tenantId, tenantId);
        write(pending);
        boolean answersChanged = replaceChanged(tenantId) > 0;
        Instant now = clock.instant();
        // Answers the request read at the start: one made since then has an execution of its own, which computes again.
        Timestamp answered = requested instanceof Timestamp t ? t : Timestamp.from(now);
        jdbc.sql("INSERT INTO attribution_runs (tenant_id, requested_at, computed_at, computed_for, matcher_version, resource_ids)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET computed_at = excluded.computed_at,"
                        + " computed_for = excluded.computed_for, matcher_version = excluded.matcher_version,"
                        + " resource_ids = excluded.resource_ids")
                .params(tenantId, answered, Timestamp.from(now), answered, CloudIds.MATCHER_VERSION, counts[0])
                .update();
        // The months whose loads changed, or all of them when an answer did (or when asked to start over).
        summaries.write(tenantId, answersChanged || force);
        return new Outcome(counts[0], counts[1], index.size());
    }

    /**
     * Deletes the stored managed answers that are gone or changed, inserts the new and changed ones, and
     * replaces the unmanaged resources' blocks when they differ; how many rows that took.
     */
    private int replaceChanged(UUID tenantId) {
        jdbc.sql("ANALYZE " + NEXT).update();
        int deleted = jdbc.sql("DELETE FROM attribution_resources a WHERE a.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM " + NEXT + " n"
                + " WHERE n.resource_key = a.resource_key AND n.state_id = a.state_id AND coalesce(n.address, '') = coalesce(a.address, ''))")
                .param(tenantId).update();
        int inserted = jdbc.sql("INSERT INTO attribution_resources (tenant_id, resource_key, state_id, address) SELECT ?, n.resource_key,"
                + " n.state_id, n.address FROM " + NEXT + " n WHERE n.state_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM attribution_resources a"
                + " WHERE a.tenant_id = ? AND a.resource_key = n.resource_key)").params(tenantId, tenantId).update();
        int blocks = replaceUnmanaged(tenantId);
        jdbc.sql("DROP TABLE " + NEXT).update(); // a transaction may compute twice
        if (deleted + inserted >= RESTATED) {
            // Committed with statistics that know these rows: until autovacuum analyzed them, PostgreSQL took a tenant's
            // hundreds of thousands of new rows for one and joined them row by row (past a minute at 300,000).
            jdbc.sql("ANALYZE attribution_resources").update();
        }
        return deleted + inserted + blocks;
    }

    /**
     * The unmanaged resources as {@link #UNMANAGED_BLOCK} ids a row, sorted (V49): written again only when
     * they differ from the stored ones; how many rows that took.
     */
    private int replaceUnmanaged(UUID tenantId) {
        jdbc.sql("CREATE TEMPORARY TABLE " + NEXT_UNMANAGED + " ON COMMIT DROP AS SELECT block, array_agg(resource_key ORDER BY resource_key)"
                + " AS keys FROM (SELECT resource_key, ((row_number() OVER (ORDER BY resource_key) - 1) / " + UNMANAGED_BLOCK + ")::integer"
                + " AS block FROM " + NEXT + " WHERE state_id IS NULL) k GROUP BY block").update();
        boolean same = jdbc.sql("SELECT NOT EXISTS (SELECT block, keys FROM " + NEXT_UNMANAGED + " EXCEPT SELECT block, keys FROM"
                        + " attribution_unmanaged WHERE tenant_id = ?) AND NOT EXISTS (SELECT block, keys FROM attribution_unmanaged"
                        + " WHERE tenant_id = ? EXCEPT SELECT block, keys FROM " + NEXT_UNMANAGED + ")")
                .params(tenantId, tenantId).query(Boolean.class).single();
        int written = 0;
        if (!same) {
            written += jdbc.sql("DELETE FROM attribution_unmanaged WHERE tenant_id = ?").param(tenantId).update();
            written += jdbc.sql("INSERT INTO attribution_unmanaged (tenant_id, block, keys) SELECT ?, block, keys FROM " + NEXT_UNMANAGED)
                    .param(tenantId).update();
            // The summaries written next, and readers after the commit, join these: planned with statistics that know them.
            jdbc.sql("ANALYZE attribution_unmanaged").update();
        }
        jdbc.sql("DROP TABLE " + NEXT_UNMANAGED).update();
        return written;
    }

    private void write(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        streaming.batchUpdate("INSERT INTO " + NEXT + " (resource_key, state_id, address) VALUES (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Object[] r = rows.get(i);
                        ps.setInt(1, (Integer) r[0]);
                        ps.setObject(2, r[1]);
                        ps.setString(3, (String) r[2]);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
    }
}
