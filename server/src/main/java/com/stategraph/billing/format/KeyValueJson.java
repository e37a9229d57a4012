package com.stategraph.billing.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * FOCUS key-value columns ({@code Tags}, {@code SkuPriceDetails}) to one JSON object with trimmed
 * keys, whichever form the export used: a JSON string (with or without its braces, as older
 * Azure exports write it), a Parquet {@code map<string,string>}, or GCP's array of
 * {@code {key, value, ...}} structs. The same few tag sets repeat across millions of rows, so
 * recent answers are remembered.
 */
final class KeyValueJson {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int CACHE_LIMIT = 4096;

    private final Map<Object, String> cache = new HashMap<>();

    /** @throws IllegalArgumentException saying why the value is not a key-value object */
    String normalise(Object value) {
        String cached = cache.get(value);
        if (cached != null) {
            return cached;
        }
        String json = value instanceof Map<?, ?> map ? ofStrings(map) : null;
        if (json == null) {
            json = JSON.writeValueAsString(toObject(value));
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(value, json);
        return json;
    }

    /**
     * A map of text to text (or null) whose keys need no trimming, written as Jackson writes its tree: no tree made. At a
     * tag set per resource, making and writing the trees was about 4% of a sync's Java CPU. Null for any other map.
     */
    static String ofStrings(Map<?, ?> map) {
        StringBuilder out = new StringBuilder(32 * map.size() + 2).append('{');
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key) || key.trim().length() != key.length()
                    || e.getValue() != null && !(e.getValue() instanceof String)) {
                return null;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            quoted(out, key).append(':');
            if (e.getValue() == null) {
                out.append("null");
            } else {
                quoted(out, (String) e.getValue());
            }
        }
        return out.append('}').toString();
    }

    private static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }

    private static ObjectNode toObject(Object value) {
        if (value instanceof String s) {
            return fromText(s);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> put(out, String.valueOf(k), v));
            return out;
        }
        if (value instanceof List<?> entries) {
            for (Object entry : entries) {
                if (!(entry instanceof Map<?, ?> kv) || !kv.containsKey("key")) {
                    throw new IllegalArgumentException("expected a list of {key, value} entries");
                }
                put(out, String.valueOf(kv.get("key")), kv.get("value"));
            }
            return out;
        }
        throw new IllegalArgumentException("expected a JSON object, a map or a list of {key, value} entries");
    }

    private static ObjectNode fromText(String text) {
        String s = text.trim();
        if (s.startsWith("[")) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!s.startsWith("{")) {
            s = "{" + s + "}";
        }
        JsonNode node;
        try {
            node = JSON.readTree(s);
        } catch (JacksonException e) {
            // Jackson's own message quotes the text it stopped at: only where it stopped is said.
            throw new IllegalArgumentException("not valid JSON" + (e.getLocation() == null ? ""
                    : " (at character " + e.getLocation().getColumnNr() + ")"));
        }
        if (!(node instanceof ObjectNode parsed)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        parsed.properties().forEach(e -> out.set(e.getKey().trim(), e.getValue()));
        return out;
    }

    private static void put(ObjectNode out, String key, Object value) {
        out.set(key.trim(), node(value));
    }

    /** Any value a reader produces as JSON: numbers stay exact, instants become ISO text. */
    static JsonNode node(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof String s) {
            return f.textNode(s);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof BigDecimal d) {
            return f.numberNode(d);
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? f.numberNode(new BigDecimal(Double.toString(d))) : f.textNode(d.toString());
        }
        if (value instanceof Float fl) {
            return Float.isFinite(fl) ? f.numberNode(new BigDecimal(Float.toString(fl))) : f.textNode(fl.toString());
        }
        if (value instanceof Instant i) {
            return f.textNode(i.toString());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = f.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), node(v)));
            return o;
        }
        if (value instanceof List<?> list) {
            var a = f.arrayNode();
            list.forEach(v -> a.add(node(v)));
            return a;
        }
        return f.textNode(value.toString());
    }
}
