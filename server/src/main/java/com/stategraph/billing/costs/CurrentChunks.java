package com.stategraph.billing.costs;

import com.stategraph.billing.load.BillingLoadRepository;
import com.stategraph.billing.load.ChunkArrays;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The current loads' chunks of some billing periods, as a {@code FROM} source of only the columns a
 * question needs: both the per-load tables and the small loads' shared one, the loads named as a
 * constant so PostgreSQL reads their tables and no others. Use inside one snapshot.
 */
final class CurrentChunks {
    private CurrentChunks() {
    }

    /** The current loads of the tenant with rows, of billing periods {@code [first, end)}. */
    static List<UUID> loads(JdbcClient jdbc, UUID tenantId, LocalDate first, LocalDate end) {
        return jdbc.sql("SELECT id FROM billing_loads WHERE tenant_id = ? AND state = 'current' AND row_count > 0"
                        + " AND billing_period >= ? AND billing_period < ?")
                .params(tenantId, Date.valueOf(first), Date.valueOf(end)).query(UUID.class).list();
    }

    /**
     * Inside one snapshot: {@code query} given the current loads of billing periods {@code [first, end)},
     * or nothing when there are none.
     */
    static <T> List<T> read(com.stategraph.billing.load.RowsSnapshot snapshot, JdbcClient jdbc, UUID tenantId, LocalDate first,
                            LocalDate end, java.util.function.Function<List<UUID>, List<T>> query) {
        return snapshot.read(() -> {
            List<UUID> loads = loads(jdbc, tenantId, first, end);
            return loads.isEmpty() ? List.<T>of() : query.apply(loads);
        });
    }

    /** The provider a line names (ServiceProviderName, else ProviderName, else its source's cloud), over {@link #PROVIDER_JOINS}. */
    static final String PROVIDER = "coalesce(nullif(spn.value, ''), nullif(pn.value, ''), " + Dimension.cloudNames("s.provider") + ")";

    /** Joins lines {@code l} (with {@code source_id}, {@code spn}, {@code pn}) to what {@link #PROVIDER} reads; the tenant id three times. */
    static final String PROVIDER_JOINS = " JOIN billing_sources s ON s.tenant_id = ? AND s.id = l.source_id"
            + " LEFT JOIN billing_strings spn ON spn.tenant_id = ? AND spn.id = l.spn"
            + " LEFT JOIN billing_strings pn ON pn.tenant_id = ? AND pn.id = l.pn";

    /**
     * {@code (SELECT columns FROM ... UNION ALL ...) c}, taking the tenant id twice as parameters; a
     * column read with a value for each line ({@link ChunkArrays}).
     */
    static String source(String chunkColumns, List<UUID> loads) {
        String columns = ChunkArrays.select(chunkColumns);
        String only = BillingLoadRepository.onlyLoads("load_id", loads);
        return "(SELECT " + columns + " FROM billing_chunks WHERE tenant_id = ? AND " + only
                + " UNION ALL SELECT " + columns + " FROM billing_chunks_small WHERE tenant_id = ? AND " + only + ") c";
    }
}
