package com.stategraph.billing.load;

import com.carrotsearch.hppc.LongLongHashMap;
import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's ResourceIds (V51): {@code billing_resource_ids}, 32 values to a row. The id
 * {@code (block << 5) + place} names {@code vals[place + 1]} of the tenant's block; a GIN index of
 * each block's 8-byte digests finds the blocks that may hold a value, and the values themselves
 * are compared, so two values whose digests are equal get two ids (and the tenant is recorded in
 * {@code billing_resource_id_clashes}, which tells the commit to match its staged sums by the whole
 * digest). New values fill the tenant's last block, then new ones, under a lock of the tenant's
 * ResourceIds: a value never gets two ids. A row per value with two unique indexes cost about 213
 * bytes and 15 to 30 microseconds of PostgreSQL a value; a block about 70 bytes a value.
 */
final class ResourceIdBlocks implements DictionaryStorage {
    /**
     * 32 a block: a block stays in its row, compressed (about 1 KB), so a line's ResourceId costs its readers 1.7
     * microseconds, against 9.5 for a block of 128 in TOAST (200,000 lines; 2 bytes a value more).
     */
    static final int SHIFT = 5;
    static final int SIZE = 1 << SHIFT;
    /** Blocks are numbered within an integer id. */
    private static final int LAST_BLOCK = Integer.MAX_VALUE >> SHIFT;

    /**
     * The blocks whose digests overlap a batch's, then their values of those digests. In a CTE of its
     * own so that PostgreSQL reads them through the GIN index: it estimates an overlap with a few
     * thousand digests as most of the table, and read every block of the tenant by its primary key.
     */
    private static final String LOOKUP = "WITH x AS MATERIALIZED (SELECT unnest(?::bigint[]) AS dg),"
            + " c AS MATERIALIZED (SELECT tenant_id, block, digests, vals FROM billing_resource_ids"
            + " WHERE digests && (SELECT array_agg(dg) FROM x))"
            + " SELECT (c.block << " + SHIFT + ") + u.place::integer - 1, u.v, u.dg FROM c"
            + " CROSS JOIN LATERAL unnest(c.digests, c.vals) WITH ORDINALITY AS u (dg, v, place)"
            + " JOIN x ON x.dg = u.dg WHERE c.tenant_id = ?";

    /** What a load's filter of the digests it stored past {@link #knownLimit} is sized for; past it, it answers "maybe" more often. */
    private static final int FILTERED_VALUES = 2_000_000;

    /** {@link #leftBlock} before this load's first batch. */
    private static final int NOT_STARTED = Integer.MIN_VALUE;

    private final UUID tenantId;
    /** The tenant's last block and how many values it held when this load left it: another load's write changes them. */
    private int leftBlock = NOT_STARTED;
    private int leftUsed = SIZE;
    /**
     * Whether every block of the tenant is this load's: it had none when the load began, and no other load has written
     * one since. While it is, a value whose digest this load has not stored is new and is not looked up: a tenant's first
     * sync of 925,000 ResourceIds spent 12.5 s of PostgreSQL on GIN lookups that found nothing.
     */
    private boolean ownsAll;
    /**
     * The digests this load stored past {@link #knownLimit}, while {@link #ownsAll}: those within it are in
     * {@link #known}, which tells them for sure and for less (the filter's puts, ten bits each at random across 3.6 MB,
     * were about 3% of the Java CPU samples of a sync of a million distinct resources).
     */
    private BloomFilter<Long> storedPastKnown;
    /**
     * The ResourceIds this load has ids for, stored or found: their digest to their 4 next bytes of SHA-256 (high half)
     * and their id (low half). Ids never change, so a value met again (a resource's later lines, the other month) takes
     * its id from here without a GIN lookup, which cost PostgreSQL about 25 microseconds a value (2 s of a 1M-line sync
     * whose last 75,000 lines repeat earlier resources). The 12 bytes tell values apart as surely as the dictionaries'
     * 16 (a wrong match among a million values has odds of about 1 in 10^17); a value whose 8 bytes match but whose 4
     * do not goes the usual way. Bounded by {@link #knownLimit}, about 16 bytes each.
     */
    private final LongLongHashMap known = new LongLongHashMap(16, KNOWN_LOAD_FACTOR);
    private final int knownLimit;
    /** Values looked up in the GIN index, for the tests. */
    private long lookedUp;

    private static final double KNOWN_LOAD_FACTOR = 0.9;

    /** Remembers as many values as a 32nd of the heap holds (943,000 at 512 MB): the map stops short of doubling past it. */
    ResourceIdBlocks(UUID tenantId) {
        this(tenantId, knownLimit(Runtime.getRuntime().maxMemory() / 32));
    }

    ResourceIdBlocks(UUID tenantId, int knownLimit) {
        this.tenantId = tenantId;
        this.knownLimit = knownLimit;
    }

    /** How many values a map of {@code bytes} holds at 16 bytes a slot: its slots are a power of two. */
    static int knownLimit(long bytes) {
        long slots = Long.highestOneBit(Math.max(64, Math.min(bytes / 16, 1L << 30)));
        return (int) (slots * KNOWN_LOAD_FACTOR) - 1;
    }

    /**
     * As if this load had met a value of {@code digest} whose next 4 bytes are {@code check} and given it {@code id}: for
     * the tests, which cannot find two values of one 8-byte digest.
     */
    void rememberForTest(long digest, int check, int id) {
        known.put(digest, (long) check << 32 | id);
    }

    long lookedUp() {
        return lookedUp;
    }

    /** The first 8 bytes of the value's SHA-256 of its UTF-8, what {@code resource_digest(text)} gives. */
    static long digest(MessageDigest sha256, String value) {
        return hash(sha256, value).getLong();
    }

    /** The value's SHA-256 of its UTF-8, read from its start: the {@link #digest}, then the 4 bytes a remembered value is told by. */
    static ByteBuffer hash(MessageDigest sha256, String value) {
        return ByteBuffer.wrap(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Values known to this load get their ids from memory; the others in a transaction of {@code c}, under the tenant's lock. */
    @Override
    public Map<String, Integer> resolve(Connection c, List<String> values) throws SQLException {
        MessageDigest sha = StringDictionary.sha256();
        Map<String, Integer> ids = new HashMap<>(values.size() * 2);
        List<String> unknown = new ArrayList<>();
        long[] digests = new long[values.size()];
        int[] checks = new int[values.size()];
        for (String value : values) {
            ByteBuffer hash = hash(sha, value);
            long digest = hash.getLong();
            int check = hash.getInt();
            int at = known.indexOf(digest);
            if (known.indexExists(at) && (int) (known.indexGet(at) >>> 32) == check) {
                ids.put(value, (int) known.indexGet(at));
            } else {
                digests[unknown.size()] = digest;
                checks[unknown.size()] = check;
                unknown.add(value);
            }
        }
        if (!unknown.isEmpty()) {
            ids.putAll(resolveInDatabase(c, unknown, java.util.Arrays.copyOf(digests, unknown.size())));
            for (int i = 0; i < unknown.size(); i++) {
                remember(digests[i], checks[i], ids.get(unknown.get(i)));
            }
        }
        return ids;
    }

    /**
     * Remembers a value this load stored or found, up to {@link #knownLimit}; past it, its digest goes to the filter while
     * the load owns every block. The first value of a digest keeps the entry: another value of the same 8 bytes goes
     * the usual way.
     */
    private void remember(long digest, int check, int id) {
        int at = known.indexOf(digest);
        if (known.indexExists(at)) {
            return;
        }
        if (known.size() < knownLimit) {
            known.indexInsert(at, digest, (long) check << 32 | id);
        } else if (ownsAll) {
            if (storedPastKnown == null) {
                storedPastKnown = BloomFilter.create(Funnels.longFunnel(), FILTERED_VALUES, 0.001);
            }
            storedPastKnown.put(digest);
        }
    }

    /** Whether this load may have stored a value of {@code digest}; only while it owns every block. */
    private boolean mayHaveStored(long digest) {
        return known.containsKey(digest) || storedPastKnown != null && storedPastKnown.mightContain(digest);
    }

    /** Looks the values up and stores those the tenant has not, in a transaction committed before the ids are known. */
    private Map<String, Integer> resolveInDatabase(Connection c, List<String> values, long[] digests) throws SQLException {
        Map<String, Integer> ids = new HashMap<>(values.size() * 2);
        c.setAutoCommit(false);
        try {
            try (PreparedStatement set = c.prepareStatement("SET LOCAL enable_seqscan = off")) {
                set.execute();
            }
            // Under the lock from the start: a batch is mostly new values or mostly known ones, and looking the new ones up
            // again after taking it cost a second GIN lookup per batch (about 4 s of a sync of 925,000 new values).
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "resource-ids:" + tenantId);
                lock.executeQuery().close();
            }
            int[] last = lastBlock(c);
            if (leftBlock == NOT_STARTED) {
                ownsAll = last[0] < 0;
            } else if (last[0] != leftBlock || last[1] != leftUsed) {
                ownsAll = false; // another load wrote
                storedPastKnown = null;
            }
            Set<Long> taken = new HashSet<>();
            lookup(c, values, digests, ids, taken);
            store(c, values, digests, ids, taken, last);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return ids;
    }

    /** Puts the ids of those of {@code values} the tenant has into {@code ids}; the digests found with other values into {@code taken}. */
    private void lookup(Connection c, List<String> values, long[] digests, Map<String, Integer> ids, Set<Long> taken)
            throws SQLException {
        Set<String> wanted = new HashSet<>();
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i < digests.length; i++) {
            if (!ownsAll || mayHaveStored(digests[i])) {
                wanted.add(values.get(i));
                asked.add(digests[i]);
            }
        }
        if (asked.isEmpty()) {
            return;
        }
        lookedUp += asked.size();
        Long[] boxed = asked.toArray(Long[]::new);
        try (PreparedStatement q = c.prepareStatement(LOOKUP)) {
            q.setArray(1, c.createArrayOf("bigint", boxed));
            q.setObject(2, tenantId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String v = rs.getString(2);
                    if (wanted.contains(v)) {
                        ids.put(v, rs.getInt(1));
                    } else {
                        taken.add(rs.getLong(3));
                    }
                }
            }
        }
    }

    /** The tenant's last block and how many values it holds; -1 and {@link #SIZE} when it has none. */
    private int[] lastBlock(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT block, cardinality(vals) FROM billing_resource_ids WHERE tenant_id = ?"
                + " ORDER BY block DESC LIMIT 1")) {
            q.setObject(1, tenantId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : new int[] {-1, SIZE};
            }
        }
    }

    /** A new block's row: the tenant, the block, its values' digests and the values (no NUL: RowChunk took them out). */
    private void writeBlock(CopyBinaryWriter row, int block, List<Long> digests, List<String> values) {
        row.startRow(4);
        row.uuidField(tenantId);
        row.int4Field(block);
        row.startArray(CopyBinaryWriter.INT8_OID, digests.size(), false);
        digests.forEach(row::int8Element);
        row.endArray();
        row.startArray(CopyBinaryWriter.TEXT_OID, values.size(), false);
        values.forEach(row::textElement);
        row.endArray();
    }

    /** Stores those of {@code values} still without an id after the tenant's last block ({@code last}), under the tenant's lock. */
    private void store(Connection c, List<String> values, long[] digests, Map<String, Integer> ids, Set<Long> taken, int[] last)
            throws SQLException {
        List<String> fresh = new ArrayList<>();
        List<Long> freshDigests = new ArrayList<>();
        // a digest another value has, or two of these values share
        Set<Long> clashes = new HashSet<>();
        Set<Long> seen = new HashSet<>(taken);
        for (int i = 0; i < digests.length; i++) {
            if (!ids.containsKey(values.get(i))) {
                fresh.add(values.get(i));
                freshDigests.add(digests[i]);
                if (!seen.add(digests[i])) {
                    clashes.add(digests[i]);
                }
            }
        }
        int block = last[0];
        int used = last[1];
        leftBlock = block;
        leftUsed = used;
        if (fresh.isEmpty()) {
            return;
        }
        int at = 0;
        if (used < SIZE) {
            int n = Math.min(SIZE - used, fresh.size());
            try (PreparedStatement up = c.prepareStatement("UPDATE billing_resource_ids SET digests = digests || ?::bigint[],"
                    + " vals = vals || ?::text[] WHERE tenant_id = ? AND block = ?")) {
                up.setArray(1, c.createArrayOf("bigint", freshDigests.subList(0, n).toArray()));
                up.setArray(2, c.createArrayOf("text", fresh.subList(0, n).toArray()));
                up.setObject(3, tenantId);
                up.setInt(4, block);
                up.executeUpdate();
            }
            for (int i = 0; i < n; i++) {
                ids.put(fresh.get(i), (block << SHIFT) + used + i);
            }
            used += n;
            at = n;
        }
        if (at < fresh.size()) {
            // A binary COPY: neither side formats or parses the arrays' text (about 3% of the Java CPU samples as INSERTs).
            if (block + (fresh.size() - at + SIZE - 1) / SIZE > LAST_BLOCK) { // before the COPY starts, which it would leave open
                throw new IllegalStateException("the tenant's ResourceIds have used every id (" + LAST_BLOCK + " blocks)");
            }
            try {
                BinaryCopy copy = new BinaryCopy(c, "COPY billing_resource_ids (tenant_id, block, digests, vals) FROM STDIN (FORMAT binary)",
                        Math.min(1 << 16, (fresh.size() - at) * 128));
                while (at < fresh.size()) {
                    block++;
                    int n = Math.min(SIZE, fresh.size() - at);
                    writeBlock(copy.rows(), block, freshDigests.subList(at, at + n), fresh.subList(at, at + n));
                    copy.rowDone();
                    for (int i = 0; i < n; i++) {
                        ids.put(fresh.get(at + i), (block << SHIFT) + i);
                    }
                    used = n;
                    at += n;
                }
                copy.finish();
            } catch (java.io.IOException e) {
                throw new SQLException("could not send the tenant's new ResourceIds to PostgreSQL", e);
            }
        }
        leftBlock = block;
        leftUsed = used;
        if (!clashes.isEmpty()) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO billing_resource_id_clashes (tenant_id, digest)"
                    + " SELECT ?, d FROM unnest(?::bigint[]) AS d ON CONFLICT DO NOTHING")) {
                ins.setObject(1, tenantId);
                ins.setArray(2, c.createArrayOf("bigint", clashes.toArray()));
                ins.executeUpdate();
            }
        }
    }
}
