package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** What removing a billing source removes: every row it loaded, its rollups, and its resources among each month's largest. */
@Repository
public class SourceRowsRemoval {
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public SourceRowsRemoval(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Runs in the caller's transaction (its loads go with the source, by cascade), without the API's
     * statement timeout: a large source takes a while to remove. By the source's loads, so only their
     * tables are touched; the emptied tables are dropped after the next sync. @return billing rows deleted
     */
    public long delete(UUID tenantId, UUID sourceId) {
        jdbc.sql("SELECT set_config('statement_timeout', '0', true)").query().singleValue();
        List<UUID> loads = jdbc.sql("SELECT id FROM billing_loads WHERE tenant_id = ? AND source_id = ?")
                .params(tenantId, sourceId).query(UUID.class).list();
        long rows = 0;
        for (String table : List.of("billing_chunks", "billing_chunks_small")) {
            rows += jdbc.sql("WITH gone AS (DELETE FROM " + table + " WHERE tenant_id = ? AND "
                            + BillingLoadRepository.onlyLoads("load_id", loads) + " RETURNING row_count) SELECT coalesce(sum(row_count), 0) FROM gone")
                    .param(tenantId).query(Long.class).single();
        }
        Connection c = DataSourceUtils.getConnection(dataSource); // the caller's transaction's
        try {
            Set<LocalDate> months = MonthTopResources.monthsOf(c, tenantId, sourceId, null);
            for (String table : Rollups.TABLES) {
                jdbc.sql("DELETE FROM " + table + " WHERE tenant_id = ? AND source_id = ?").params(tenantId, sourceId).update();
            }
            // Their rows are gone with the rest: the sets' tables are dropped after the next sync.
            jdbc.sql("DELETE FROM rollup_sets WHERE tenant_id = ? AND source_id = ?").params(tenantId, sourceId).update();
            MonthTopResources.rebuild(c, tenantId, months);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot rank the largest resources of the source's months again: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
        return rows;
    }
}
