package com.stategraph.billing.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * A tag set's keys with their values as text (null for a JSON null), and each value as JSON, as a tree of it would
     * write it. Read and written as text, not as a tree: at a tag set per resource, the trees (a copy of each set, then
     * two to write) were about a tenth of what a million-resource sync allocated.
     */
    private record Parsed(List<String[]> entries, List<String> values) {
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
        StringBuilder rest = new StringBuilder(json.length()).append('{');
        for (int i = 0; i < p.entries().size(); i++) {
            String[] kv = p.entries().get(i);
            if (kv[1] != null && unsummed.unsummed(period, kv[0])) {
                property(rest, kv[0], p.values().get(i));
            }
        }
        return new Split(masked(period, p), rest.append('}').toString());
    }

    /** {@code json} with each value of an unsummed key of {@code period} masked; null when it has none to mask. */
    String masked(LocalDate period, String json) {
        return masked(period, parsed(json));
    }

    private String masked(LocalDate period, Parsed p) {
        StringBuilder masked = new StringBuilder().append('{');
        boolean any = false;
        for (int i = 0; i < p.entries().size(); i++) {
            String[] kv = p.entries().get(i);
            boolean mask = kv[1] != null && unsummed.unsummed(period, kv[0]);
            any |= mask;
            property(masked, kv[0], mask ? QUOTED_MASK : p.values().get(i));
        }
        if (!any) {
            return null;
        }
        String text = masked.append('}').toString();
        maskedSets.add(text);
        return text;
    }

    private static final String QUOTED_MASK = "\"" + MASK + "\"";

    /** Appends {@code "key":value} to an object's text, after a comma unless it is the first. */
    private static void property(StringBuilder out, String key, String value) {
        if (out.length() > 1) {
            out.append(',');
        }
        quoted(out, key).append(':').append(value);
    }

    private static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
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
        Parsed p = read(json);
        if (parsed.size() >= PARSED_CACHE_LIMIT) {
            parsed.clear();
        }
        parsed.put(json, p);
        return p;
    }

    /**
     * The set's properties in order; a key given twice keeps its first place and its last value, as a tree keeps it. The
     * sets are the normaliser's JSON ({@code KeyValueJson}): reading stops at the object's end.
     */
    private static Parsed read(String json) {
        Map<String, String[]> byKey = new LinkedHashMap<>();
        try (JsonParser in = JSON.createParser(json)) {
            if (in.nextToken() == JsonToken.START_OBJECT) {
                while (in.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = in.currentName();
                    in.nextToken();
                    byKey.put(key, value(in));
                }
            }
        }
        List<String[]> entries = new ArrayList<>(byKey.size());
        List<String> values = new ArrayList<>(byKey.size());
        byKey.forEach((key, v) -> {
            entries.add(new String[] {key, v[0]});
            values.add(v[1]);
        });
        return new Parsed(entries, values);
    }

    /** The current value as text (null for a JSON null) and as JSON, written as a tree of it is. */
    private static String[] value(JsonParser in) {
        return switch (in.currentToken()) {
            case VALUE_STRING -> {
                String s = in.getString();
                yield new String[] {s, quoted(new StringBuilder(s.length() + 2), s).toString()};
            }
            case VALUE_NULL -> new String[] {null, "null"};
            case VALUE_TRUE, VALUE_FALSE -> new String[] {in.getString(), in.getString()};
            // as the tree reads them (USE_BIG_DECIMAL_FOR_FLOATS, trailing zeroes kept) and writes them
            case VALUE_NUMBER_INT -> text(in.getBigIntegerValue().toString());
            case VALUE_NUMBER_FLOAT -> text(in.getDecimalValue().toString());
            default -> text(in.readValueAsTree().toString()); // an object or array within the set
        };
    }

    private static String[] text(String json) {
        return new String[] {json, json};
    }
}
