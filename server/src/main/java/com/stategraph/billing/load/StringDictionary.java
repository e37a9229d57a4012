package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A tenant's repeated strings, each stored once and referenced by id: plain text in
 * {@code billing_strings}, JSON (tags, price details, the columns outside FOCUS) in
 * {@code billing_json}, ResourceIds in blocks ({@link ResourceIdBlocks}). New strings are written on a connection of their own and committed at
 * once: two syncs of one tenant that meet the same new string then never wait on each other's
 * transaction, and a string left by a sync that failed is merely unused. Recent ids are
 * remembered for the length of a load, up to a bound.
 */
final class StringDictionary {
    /** Ids remembered per kind; past it the cache starts over (a string then costs one more lookup). */
    static final int CACHE_LIMIT = 200_000;
    /**
     * Characters remembered per kind, the other bound: at a resource per line the strings are long
     * ARNs and tag sets, and 200,000 of them took a fifth of a 512 MB heap per kind.
     */
    static final long CACHE_CHARS = 4_000_000;

    enum Kind {
        TEXT("billing_strings", "v"),
        JSON("billing_json", "v::jsonb"),
        /** The ResourceId column's values: blocks of their own ({@link ResourceIdBlocks}), not a row each. */
        RESOURCE(null, null);

        final String insert;
        final String lookup;

        Kind(String table, String value) {
            if (table == null) {
                this.insert = null;
                this.lookup = null;
                return;
            }
            // The digest, not the value, is unique: a value may be longer than a btree index entry allows.
            // A new value's id comes back with its digest; only the values already there are looked up after.
            // Each value's digest comes along, as Java computed it (what dictionary_digest gives): PostgreSQL's own
            // took a quarter of its time per new value (409,600 ARNs: 4.4 s, 3.2 s given the digests).
            this.insert = "INSERT INTO " + table + " (tenant_id, digest, value) SELECT ?, dg, " + value
                    + " FROM unnest(?::uuid[], ?::text[]) AS x(dg, v) ON CONFLICT (tenant_id, digest) DO NOTHING RETURNING id, digest";
            this.lookup = "SELECT d.id, x.v FROM unnest(?::uuid[], ?::text[]) AS x(dg, v) JOIN " + table
                    + " d ON d.tenant_id = ? AND d.digest = x.dg";
        }
    }

    /** The database refused a string of the dictionary (JSON that jsonb cannot hold, say). */
    static final class RefusedValue extends Exception {
        final String value;

        RefusedValue(String value, SQLException cause) {
            super(cause.getMessage(), cause);
            this.value = value;
        }
    }

    private final DataSource dataSource;
    private final UUID tenantId;
    private final Map<String, Integer> texts = new HashMap<>();
    private final Map<String, Integer> jsons = new HashMap<>();
    private final Map<String, Integer> resources = new HashMap<>();
    private final ResourceIdBlocks resourceBlocks;
    private final Map<Kind, Long> cachedChars = new java.util.EnumMap<>(Kind.class);

    StringDictionary(DataSource dataSource, UUID tenantId) {
        this.dataSource = dataSource;
        this.tenantId = tenantId;
        this.resourceBlocks = new ResourceIdBlocks(tenantId);
    }

    private long cachedChars(Kind kind) {
        return cachedChars.getOrDefault(kind, 0L);
    }

    /** The id of a value already resolved, or null. */
    Integer cached(Kind kind, String value) {
        return cache(kind).get(value);
    }

    /**
     * Makes sure every one of {@code distinct} (at most {@link #CACHE_LIMIT}, and {@link #CACHE_CHARS}
     * characters) has an id, existing
     * or new, in the cache until the next call.
     */
    void ensure(Kind kind, Collection<String> distinct) throws SQLException, RefusedValue {
        Map<String, Integer> cache = cache(kind);
        List<String> values = distinct.stream().filter(v -> !cache.containsKey(v)).toList();
        if (values.isEmpty()) {
            return;
        }
        long chars = values.stream().mapToLong(String::length).sum();
        if (cache.size() + values.size() > CACHE_LIMIT || cachedChars(kind) + chars > CACHE_CHARS) {
            cache.clear();
            values = List.copyOf(distinct);
            chars = values.stream().mapToLong(String::length).sum();
            cachedChars.put(kind, 0L);
        }
        cachedChars.merge(kind, chars, Long::sum);
        if (kind == Kind.RESOURCE) {
            try (Connection c = dataSource.getConnection()) {
                cache.putAll(resourceBlocks.resolve(c, values));
            }
        } else {
            store(kind, cache, values);
        }
        for (String v : values) {
            if (!cache.containsKey(v)) {
                throw new IllegalStateException("the string dictionary has no id for a value just written");
            }
        }
    }

    /** Gives {@code values} their ids in {@code billing_strings} or {@code billing_json}, in {@code cache}. */
    private void store(Kind kind, Map<String, Integer> cache, List<String> values) throws SQLException, RefusedValue {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Map<UUID, String> byDigest = new LinkedHashMap<>(values.size() * 2);
            java.security.MessageDigest sha = sha256();
            for (String v : values) {
                byDigest.put(digest(sha, v), v);
            }
            try {
                try (ResultSet rs = insert(c, kind, byDigest)) {
                    while (rs.next()) {
                        String v = byDigest.get(rs.getObject(2, UUID.class));
                        if (v != null) { // else looked up below, by value
                            cache.put(v, rs.getInt(1));
                        }
                    }
                }
            } catch (SQLException e) {
                if (kind != Kind.JSON) {
                    throw e;
                }
                throw refused(c, kind, byDigest, e);
            }
            Map<UUID, String> existing = new LinkedHashMap<>();
            byDigest.forEach((d, v) -> {
                if (!cache.containsKey(v)) {
                    existing.put(d, v);
                }
            });
            if (existing.isEmpty()) {
                return;
            }
            try (PreparedStatement q = c.prepareStatement(kind.lookup)) {
                q.setArray(1, c.createArrayOf("uuid", existing.keySet().toArray()));
                q.setArray(2, c.createArrayOf("text", existing.values().toArray()));
                q.setObject(3, tenantId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        cache.put(rs.getString(2), rs.getInt(1));
                    }
                }
            }
        }
    }

    /**
     * @param byDigest the values by their digests
     * @return the ids and digests of the values that were new (the statement closes with the result)
     */
    private ResultSet insert(Connection c, Kind kind, Map<UUID, String> byDigest) throws SQLException {
        PreparedStatement ins = c.prepareStatement(kind.insert);
        ins.closeOnCompletion();
        ins.setObject(1, tenantId);
        ins.setArray(2, c.createArrayOf("uuid", byDigest.keySet().toArray()));
        ins.setArray(3, c.createArrayOf("text", byDigest.values().toArray()));
        return ins.executeQuery();
    }

    /**
     * What {@code dictionary_digest(value)} gives (V43): the first 16 bytes of the SHA-256 of its UTF-8.
     * The caller's SHA-256 ({@link #sha256}) serves many values: finding one costs about a microsecond.
     */
    static UUID digest(java.security.MessageDigest sha256, String value) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(sha256.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new UUID(b.getLong(), b.getLong());
    }

    static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }

    /** Which of {@code values} the database refused, tried one at a time. */
    private RefusedValue refused(Connection c, Kind kind, Map<UUID, String> byDigest, SQLException batch) {
        for (Map.Entry<UUID, String> v : byDigest.entrySet()) {
            try {
                insert(c, kind, Map.of(v.getKey(), v.getValue())).close();
            } catch (SQLException e) {
                return new RefusedValue(v.getValue(), e);
            }
        }
        return new RefusedValue(byDigest.values().iterator().next(), batch);
    }

    private Map<String, Integer> cache(Kind kind) {
        return switch (kind) {
            case TEXT -> texts;
            case JSON -> jsons;
            case RESOURCE -> resources;
        };
    }
}
