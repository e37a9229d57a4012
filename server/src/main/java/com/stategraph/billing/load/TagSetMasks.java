package com.stategraph.billing.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A load's tag sets as its rollups keep them: each line's tags counted against the bound of values a
 * key is summed with ({@link UnsummedTagKeys}), and the values of the keys past it masked, so the
 * sets of a period collapse to their summed keys. Masked sets are JSON no line holds: the load stores
 * them in the dictionary ({@link #takeMaskedSets}) before a flush names them by digest.
 */
final class TagSetMasks {
    /** Numbers as written: 12.50 stays 12.50 in a masked set and its rest, as jsonb keeps it. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(tools.jackson.databind.cfg.JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final int PARSED_CACHE_LIMIT = 4096;
    /** What an unsummed key's value becomes in the tag sets: a value, so the set still carries the key (tag coverage). */
    static final String MASK = "*";
    /** Masked tag sets a load stores in the dictionary at once. */
    static final int MASKED_SETS_BATCH = 4096;

    /** A tag set's JSON, and its keys with their values as text (null for a JSON null). */
    private record Parsed(JsonNode node, List<String[]> entries) {
    }

    /**
     * A line's tags as a load keeps them: {@code set} for the rollups and the line's dictionary id, and
     * {@code rest}, the masked values as a JSON object of their own, null when none is: the line's tags
     * are {@code set || rest} (jsonb), as they came.
     */
    record Split(String set, String rest) {
        /** The row's tags kept whole: nothing masked. */
        static Split whole(com.stategraph.billing.format.CanonicalRow row) {
            return new Split(row.get(com.stategraph.billing.format.FocusColumn.TAGS), null);
        }
    }

    private final UnsummedTagKeys unsummed;
    private final Map<String, Parsed> parsed = new HashMap<>();
    /** Masked sets since the load last stored them in the dictionary. */
    private final Set<String> maskedSets = new LinkedHashSet<>();

    /** @param summedTagValues distinct values of a key in a period that are summed per value */
    TagSetMasks(int summedTagValues) {
        this.unsummed = new UnsummedTagKeys(summedTagValues);
    }

    /**
     * Counts a line's tags of {@code period} and splits them: the set as the rollups keep it (as given,
     * or with the values of the period's unsummed keys masked), and those values.
     *
     * @param onCut run when one of this line's keys has just gone past the bound, before the line's set is made
     */
    Split of(LocalDate period, String json, Runnable onCut) {
        if (json == null) {
            return new Split(null, null);
        }
        Parsed p = parsed(json);
        int cuts = unsummed.cuts();
        boolean mask = false;
        for (String[] kv : p.entries()) {
            mask |= unsummed.see(period, kv[0], kv[1]) && kv[1] != null;
        }
        if (unsummed.cuts() != cuts) {
            onCut.run();
        }
        if (!mask || json.contains("\\u")) {
            // A unicode escape may stand for what jsonb refuses (a NUL): such a set goes to the dictionary whole, which says so.
            return new Split(json, null);
        }
        ObjectNode rest = JSON.createObjectNode();
        for (String[] kv : p.entries()) {
            if (kv[1] != null && unsummed.unsummed(period, kv[0])) {
                rest.set(kv[0], p.node().get(kv[0]));
            }
        }
        return new Split(masked(period, p), JSON.writeValueAsString(rest));
    }

    /** {@code json} with each value of an unsummed key of {@code period} masked; null when it has none to mask. */
    String masked(LocalDate period, String json) {
        return masked(period, parsed(json));
    }

    private String masked(LocalDate period, Parsed p) {
        ObjectNode masked = null;
        for (String[] kv : p.entries()) {
            if (kv[1] != null && unsummed.unsummed(period, kv[0])) {
                if (masked == null) {
                    masked = (ObjectNode) p.node().deepCopy();
                }
                masked.put(kv[0], MASK);
            }
        }
        if (masked == null) {
            return null;
        }
        String text = JSON.writeValueAsString(masked);
        maskedSets.add(text);
        return text;
    }

    /** The set's keys with their values as text (null for a JSON null); none for no set. */
    List<String[]> entries(String json) {
        return json == null ? List.of() : parsed(json).entries();
    }

    /** The keys a load does not sum per value, per period. */
    UnsummedTagKeys unsummed() {
        return unsummed;
    }

    /** Whether enough masked sets wait to be stored in the dictionary to store them now. */
    boolean maskedSetsDue() {
        return maskedSets.size() >= MASKED_SETS_BATCH;
    }

    /** The masked sets since the last call. */
    List<String> takeMaskedSets() {
        List<String> out = List.copyOf(maskedSets);
        maskedSets.clear();
        return out;
    }

    private Parsed parsed(String json) {
        Parsed cached = parsed.get(json);
        if (cached != null) {
            return cached;
        }
        JsonNode node = JSON.readTree(json);
        List<String[]> entries = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> entries.add(new String[] {e.getKey(), text(e.getValue())}));
        }
        if (parsed.size() >= PARSED_CACHE_LIMIT) {
            parsed.clear();
        }
        Parsed p = new Parsed(node, entries);
        parsed.put(json, p);
        return p;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }
}
