package com.stategraph.billing.sync;

import com.stategraph.billing.source.BillingSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What earlier syncs of a source read, per data file (table {@code sync_files}): the file's
 * identity when read, the loader that read it, and the billing periods its rows fell in.
 */
final class FileLedger {
    /**
     * The version of what a file's rows become in the store. Raise it whenever a change to the
     * reading, normalising or rollups would store a file's rows differently: every file recorded
     * by an older loader is then read again.
     */
    static final int LOADER_VERSION = 1;

    /** A file as an earlier sync read it. */
    record Entry(String identity, String loader, Set<LocalDate> periods) {
    }

    private FileLedger() {
    }

    /**
     * The loader and the source settings that shape a file's rows (the provider a row without one
     * is given, the location its keys are relative to): a file recorded under another is read again.
     */
    static String loader(BillingSource source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((source.provider() + "\n" + source.sourceUri())
                    .getBytes(StandardCharsets.UTF_8));
            return "loader " + LOADER_VERSION + ", settings " + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Entry> read(DataSource dataSource, UUID tenantId, UUID sourceId) {
        Map<String, Entry> entries = new HashMap<>();
        JdbcClient.create(dataSource).sql("SELECT file_key, version, loader, periods FROM sync_files WHERE tenant_id = ?"
                        + " AND source_id = ?")
                .params(tenantId, sourceId)
                .query(rs -> {
                    Set<LocalDate> periods = new TreeSet<>();
                    for (Object d : (Object[]) rs.getArray(4).getArray()) {
                        periods.add(((Date) d).toLocalDate());
                    }
                    entries.put(rs.getString(1), new Entry(rs.getString(2), rs.getString(3), periods));
                });
        return entries;
    }

    /** The rows of each period's current load of the source. */
    static Map<LocalDate, Long> currentLoads(DataSource dataSource, UUID tenantId, UUID sourceId) {
        Map<LocalDate, Long> loads = new HashMap<>();
        JdbcClient.create(dataSource).sql("SELECT billing_period, row_count FROM billing_loads WHERE tenant_id = ?"
                        + " AND source_id = ? AND state = 'current'")
                .params(tenantId, sourceId)
                .query(rs -> {
                    loads.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                });
        return loads;
    }

    /**
     * In the load's transaction: forgets the files no longer listed, and records the ones this
     * sync read. Files listed but not read keep their record; a file read without an identity has none.
     *
     * @param listed every data file key the sync planned
     * @param read what each file read had: its identity (null when the store gave none: not recorded) and the periods of its rows
     */
    static void record(Connection c, UUID tenantId, UUID sourceId, Collection<String> listed, Map<String, Entry> read)
            throws SQLException {
        try (PreparedStatement forget = c.prepareStatement("DELETE FROM sync_files WHERE tenant_id = ? AND source_id = ?"
                + " AND NOT (file_key = ANY (?))")) {
            forget.setObject(1, tenantId);
            forget.setObject(2, sourceId);
            forget.setArray(3, c.createArrayOf("text", listed.stream()
                    .filter(key -> !read.containsKey(key) || read.get(key).identity() != null).toArray()));
            forget.executeUpdate();
        }
        try (PreparedStatement put = c.prepareStatement("INSERT INTO sync_files (tenant_id, source_id, file_key, version, loader,"
                + " periods) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, source_id, file_key) DO UPDATE SET version = excluded.version,"
                + " loader = excluded.loader, periods = excluded.periods, read_at = now()")) {
            for (Map.Entry<String, Entry> e : read.entrySet()) {
                Entry entry = e.getValue();
                if (entry.identity() == null) {
                    continue;
                }
                put.setObject(1, tenantId);
                put.setObject(2, sourceId);
                put.setString(3, e.getKey());
                put.setString(4, entry.identity());
                put.setString(5, entry.loader());
                put.setArray(6, dates(c, entry.periods()));
                put.addBatch();
            }
            put.executeBatch();
        }
    }

    private static Array dates(Connection c, Collection<LocalDate> periods) throws SQLException {
        return c.createArrayOf("date", periods.stream().map(Date::valueOf).toArray());
    }
}
