package com.stategraph.billing.billing.load;

import com.stategraph.billing.billing.format.CanonicalRow;
import com.stategraph.billing.billing.format.FocusColumn;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One sync's replacement of a source's rows for the billing periods of its window, in a single
 * transaction: the old rows of those periods are deleted, every new row is streamed in with
 * COPY, and the new loads become current at commit. Until then readers see the old rows; if
 * anything fails, or the process dies, the transaction rolls back and nothing has changed.
 */
public final class BillingLoad implements AutoCloseable {
    private static final String COPY_SQL = "COPY billing_rows (tenant_id, source_id, load_id, billing_period, "
            + java.util.Arrays.stream(FocusColumn.values()).map(FocusColumn::dbName).collect(Collectors.joining(", "))
            + ", extra) FROM STDIN";
    private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)");
    private static final String COPY_DAILY = "COPY cost_daily (tenant_id, source_id, billing_period, day, provider,"
            + " service_name, service_category, billing_account_id, sub_account_id, region_id, charge_category,"
            + " billing_currency, billed_cost, effective_cost, list_cost, contracted_cost, row_count) FROM STDIN";
    private static final String COPY_MONTHLY = COPY_DAILY.replace("cost_daily", "cost_monthly").replace(" day,", " month,");
    private static final String COPY_TAGS = "COPY cost_daily_tags (tenant_id, source_id, billing_period, day, provider,"
            + " service_name, billing_currency, tag_key, tag_value, billed_cost, effective_cost, list_cost, contracted_cost,"
            + " row_count) FROM STDIN";

    private final Connection connection;
    private final UUID tenantId;
    private final UUID sourceId;
    private final Map<LocalDate, UUID> loads = new LinkedHashMap<>();
    private final Map<LocalDate, Long> counts = new HashMap<>();
    private final List<FileSpan> files = new ArrayList<>();
    private final String tenantText;
    private final String sourceText;
    private final String provider;
    private final DailyRollup rollup = new DailyRollup();
    private final Map<LocalDate, String[]> periodText = new HashMap<>();
    private PGCopyOutputStream copy;
    private CopyTextWriter writer;
    private BufferedWriter buffered;
    private long lines;
    private boolean committed;

    private record FileSpan(long firstLine, String uri) {
    }

    private BillingLoad(Connection connection, UUID tenantId, UUID sourceId, String provider) {
        this.connection = connection;
        this.provider = provider;
        this.tenantId = tenantId;
        this.sourceId = sourceId;
        this.tenantText = tenantId.toString();
        this.sourceText = sourceId.toString();
    }

    /**
     * Starts replacing the rows of {@code periods}. Waits for any other load of the same source,
     * so two replicas can never interleave two syncs of one source.
     */
    public static BillingLoad begin(DataSource dataSource, UUID tenantId, UUID sourceId, String provider, UUID runId,
                                    Collection<LocalDate> periods) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            BillingLoad load = new BillingLoad(c, tenantId, sourceId, provider);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "billing-load:" + sourceId);
                lock.execute();
            }
            Array periodArray = c.createArrayOf("date", periods.stream().map(java.sql.Date::valueOf).toArray());
            for (String table : new String[] {"billing_rows", "billing_loads", "cost_daily", "cost_monthly", "cost_daily_tags"}) {
                try (PreparedStatement del = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE tenant_id = ? AND source_id = ? AND billing_period = ANY (?)")) {
                    del.setObject(1, tenantId);
                    del.setObject(2, sourceId);
                    del.setArray(3, periodArray);
                    del.executeUpdate();
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO billing_loads (id, tenant_id, source_id, run_id,"
                    + " billing_period, state) VALUES (?, ?, ?, ?, ?, 'loading')")) {
                for (LocalDate period : periods) {
                    UUID id = UUID.randomUUID();
                    load.loads.put(period, id);
                    load.counts.put(period, 0L);
                    load.periodText.put(period, new String[] {id.toString(), period.toString()});
                    ins.setObject(1, id);
                    ins.setObject(2, tenantId);
                    ins.setObject(3, sourceId);
                    ins.setObject(4, runId);
                    ins.setObject(5, period);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            load.openRowsCopy();
            return load;
        } catch (SQLException | RuntimeException e) {
            rollbackAndClose(c);
            throw e;
        }
    }

    /** The rows that follow come from {@code uri}; a database error on them will name it. */
    public void startFile(String uri) {
        files.add(new FileSpan(lines + 1, uri));
    }

    /** @return false when the row's billing period is outside the window, so it is not loaded */
    public boolean write(CanonicalRow row) {
        String[] ids = periodText.get(row.billingPeriod());
        if (ids == null) {
            return false;
        }
        try {
            writer.field(tenantText);
            writer.field(sourceText);
            writer.field(ids[0]);
            writer.field(ids[1]);
            for (FocusColumn c : FocusColumn.values()) {
                writer.field(row.get(c));
            }
            writer.field(row.extra());
            writer.endRow();
        } catch (IOException e) {
            throw new UncheckedIOException(describe(e), e);
        }
        lines++;
        counts.merge(row.billingPeriod(), 1L, Long::sum);
        rollup.add(row);
        if (rollup.full()) {
            try {
                closeCopy();
                copyRollups();
                openRowsCopy();
            } catch (SQLException | IOException e) {
                throw new IllegalStateException(describe(e), e);
            }
        }
        return true;
    }

    private void openRowsCopy() throws SQLException {
        copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL), 1 << 16);
        buffered = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
        writer = new CopyTextWriter(buffered);
    }

    private void closeCopy() throws IOException, SQLException {
        buffered.flush();
        copy.endCopy();
    }

    /** The rollups' sums so far, in their own COPYs (one COPY at a time on a connection). */
    private void copyRollups() throws SQLException, IOException {
        for (String sql : new String[] {COPY_DAILY, COPY_MONTHLY, COPY_TAGS}) {
            PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql), 1 << 16);
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            CopyTextWriter rows = new CopyTextWriter(w);
            if (sql == COPY_DAILY) {
                rollup.writeDays(rows, tenantText, sourceText, provider);
            } else if (sql == COPY_MONTHLY) {
                rollup.writeMonths(rows, tenantText, sourceText, provider);
            } else {
                rollup.writeTags(rows, tenantText, sourceText, provider);
            }
            w.flush();
            out.endCopy();
        }
    }

    /** Makes the new rows current for every period of the window at once. */
    public long commit() throws SQLException {
        try {
            closeCopy();
            copyRollups();
        } catch (IOException e) {
            throw new SQLException(describe(e), e);
        }
        try (PreparedStatement up = connection.prepareStatement("UPDATE billing_loads SET state = 'current',"
                + " row_count = ?, activated_at = now() WHERE id = ?")) {
            for (Map.Entry<LocalDate, UUID> e : loads.entrySet()) {
                up.setLong(1, counts.get(e.getKey()));
                up.setObject(2, e.getValue());
                up.addBatch();
            }
            up.executeBatch();
        }
        connection.commit();
        committed = true;
        return lines;
    }

    /** PostgreSQL names the line of the COPY stream; say which file and row that was. */
    private String describe(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = COPY_LINE.matcher(message);
        if (m.find()) {
            long line = Long.parseLong(m.group(1));
            for (int i = files.size() - 1; i >= 0; i--) {
                FileSpan span = files.get(i);
                if (line >= span.firstLine()) {
                    return span.uri() + ": loaded row " + (line - span.firstLine() + 1) + ": " + message;
                }
            }
        }
        return message;
    }

    @Override
    public void close() {
        if (!committed) {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the rollback below undoes everything either way
                }
            }
            rollbackAndClose(connection);
        } else {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // committed; nothing left to lose
            }
        }
    }

    private static void rollbackAndClose(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection may already be gone; PostgreSQL rolls back on disconnect
        }
        try {
            c.setAutoCommit(true);
            c.close();
        } catch (SQLException ignored) {
            // as above
        }
    }
}
