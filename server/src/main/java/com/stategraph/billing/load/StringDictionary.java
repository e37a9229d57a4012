package com.stategraph.billing.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
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
        TEXT,
        JSON,
        /** The ResourceId column's values. */
        RESOURCE
    }

    /** The database refused a string of the dictionary (JSON that jsonb cannot hold, say). */
    static final class RefusedValue extends Exception {
        final String value;

        RefusedValue(String value, SQLException cause) {
            super(cause.getMessage(), cause);
            this.value = value;
        }
    }

    /** One kind's storage, and the ids it gave recently with what their values cost the heap. */
    private static final class Recent {
        final DictionaryStorage storage;
        final Map<String, Integer> ids = new HashMap<>();
        long chars;

        Recent(DictionaryStorage storage) {
            this.storage = storage;
        }
    }

    private final DataSource dataSource;
    private final Map<Kind, Recent> kinds = new EnumMap<>(Kind.class);

    StringDictionary(DataSource dataSource, UUID tenantId) {
        this.dataSource = dataSource;
        kinds.put(Kind.TEXT, new Recent(DictionaryRows.texts(tenantId)));
        kinds.put(Kind.JSON, new Recent(DictionaryRows.jsons(tenantId)));
        kinds.put(Kind.RESOURCE, new Recent(new ResourceIdBlocks(tenantId)));
    }

    /** The id of a value already resolved, or null. */
    Integer cached(Kind kind, String value) {
        return kinds.get(kind).ids.get(value);
    }

    /**
     * Makes sure every one of {@code distinct} (at most {@link #CACHE_LIMIT}, and {@link #CACHE_CHARS}
     * characters) has an id, existing or new, in the cache until the next call.
     */
    void ensure(Kind kind, Collection<String> distinct) throws SQLException, RefusedValue {
        Recent recent = kinds.get(kind);
        Map<String, Integer> cache = recent.ids;
        List<String> values = distinct.stream().filter(v -> !cache.containsKey(v)).toList();
        if (values.isEmpty()) {
            return;
        }
        long chars = values.stream().mapToLong(String::length).sum();
        if (cache.size() + values.size() > CACHE_LIMIT || recent.chars + chars > CACHE_CHARS) {
            cache.clear();
            values = List.copyOf(distinct);
            chars = values.stream().mapToLong(String::length).sum();
            recent.chars = 0;
        }
        recent.chars += chars;
        try (Connection c = dataSource.getConnection()) {
            cache.putAll(recent.storage.resolve(c, values));
        }
        for (String v : values) {
            if (!cache.containsKey(v)) {
                throw new IllegalStateException("the string dictionary has no id for a value just written");
            }
        }
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
}
