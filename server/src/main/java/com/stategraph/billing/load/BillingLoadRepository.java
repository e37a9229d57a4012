package com.stategraph.billing.load;

import com.stategraph.billing.db.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What is loaded: the current load of each source and billing period, and the rows it holds. */
@Repository
public class BillingLoadRepository {
    private final JdbcClient jdbc;

    public BillingLoadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A billing period of a source with rows, as the last sync that held it left it. */
    public record LoadedPeriod(UUID sourceId, LocalDate billingPeriod, long rows, Instant activatedAt) {
    }

    /** The tenant's periods with rows, by source, the newest period first. */
    public List<LoadedPeriod> current(UUID tenantId) {
        return jdbc.sql("SELECT source_id, billing_period, row_count, activated_at FROM billing_loads"
                        + " WHERE tenant_id = ? AND state = 'current' AND row_count > 0 ORDER BY source_id, billing_period DESC")
                .param(tenantId)
                .query((rs, i) -> new LoadedPeriod(rs.getObject("source_id", UUID.class), rs.getDate("billing_period").toLocalDate(),
                        rs.getLong("row_count"), Timestamps.toInstant(rs.getTimestamp("activated_at"))))
                .list();
    }

    /**
     * Keeps a replaced load's table from being detached and
     * dropped under a reader that has yet to read it: DETACH ... CONCURRENTLY waits for every
     * transaction that holds a lock on the parent.
     * Run first in the reader's transaction, before the statement that takes its snapshot.
     */
    public static final String LOCK_ROWS = "LOCK TABLE ONLY billing_chunks IN ACCESS SHARE MODE";

    /**
     * A tenant's current loads with rows whose charges reach into {@code [from, to)}: the only
     * tables of billing_chunks (read through the billing_rows view) a question about that range need read. Call in a repeatable-read
     * transaction after {@link #LOCK_ROWS}, and read the rows in the same transaction. A load
     * without a recorded charge range is always read.
     */
    public List<UUID> currentChargedIn(UUID tenantId, Instant from, Instant to) {
        return jdbc.sql("SELECT id FROM billing_loads WHERE tenant_id = ? AND state = 'current' AND row_count > 0"
                        + " AND (first_charge IS NULL OR (first_charge < ? AND last_charge >= ?))")
                .params(tenantId, java.sql.Timestamp.from(to), java.sql.Timestamp.from(from))
                .query(UUID.class).list();
    }

    /**
     * The tag keys whose values the rollups of the tenant's current loads with charges in {@code [from, to)} do not sum
     * (V47: a key past {@code STATEGRAPH_SYNC_SUMMED_TAG_VALUES} values in a period), each with the lines that name it.
     * A question about such a key's values reads the rows.
     *
     * @param foldCase the keys lower-cased (and their lines added up), as a server comparing tag keys without case compares them
     */
    public java.util.Map<String, Long> unsummedTagKeys(UUID tenantId, Instant from, Instant to, boolean foldCase) {
        java.util.Map<String, Long> keys = new java.util.TreeMap<>();
        jdbc.sql("SELECT k.key, sum(k.value::bigint) FROM billing_loads l, jsonb_each_text(l.unsummed_tag_keys) k"
                        + " WHERE l.tenant_id = ? AND l.state = 'current' AND l.unsummed_tag_keys IS NOT NULL"
                        + " AND l.first_charge < ? AND l.last_charge >= ? GROUP BY 1")
                .params(tenantId, java.sql.Timestamp.from(to), java.sql.Timestamp.from(from))
                .query(rs -> {
                    String key = rs.getString(1);
                    keys.merge(foldCase ? key.toLowerCase(java.util.Locale.ROOT) : key, rs.getLong(2), Long::sum);
                });
        return keys;
    }

    /**
     * The condition that reads only {@code loads}' tables of billing_chunks, as a constant: PostgreSQL
     * prunes partitions by a constant array when it plans, not by one a subquery computes.
     */
    public static String onlyLoads(String column, List<UUID> loads) {
        return column + " = ANY ('" + array(loads) + "'::uuid[])";
    }

    /** Load ids as a PostgreSQL array literal, for {@code load_id = ANY (?::uuid[])}: the planner then reads only their tables. */
    public static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** The rows a source holds now: its current loads' counts, without counting the rows themselves. */
    public long currentRows(UUID tenantId, UUID sourceId) {
        return jdbc.sql("SELECT coalesce(sum(row_count), 0) FROM billing_loads WHERE tenant_id = ? AND source_id = ?"
                        + " AND state = 'current'")
                .params(tenantId, sourceId).query(Long.class).single();
    }
}
