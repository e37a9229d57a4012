package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A managed resource instance as pricers read it: its attributes, with lenient readers for what
 * Terraform may leave out, and the usage the tenant gave it (see {@link UsageKeys}).
 */
public record Resource(String address, String type, String provider, String region, Map<String, String> tags, JsonNode attributes,
                       Map<String, Object> usage, Neighbours neighbours) {

    public Resource(String address, String type, String provider, String region, Map<String, String> tags, JsonNode attributes,
                    Map<String, Object> usage) {
        this(address, type, provider, region, tags, attributes, usage, Neighbours.NONE);
    }

    /** The usage given for {@code key}, or 0: a state does not say how much a resource will be used. */
    public BigDecimal usage(String key) {
        return usage.get(key) instanceof BigDecimal quantity ? quantity : BigDecimal.ZERO;
    }

    /** A word given as usage ({@code operating_system}), or {@code otherwise}. */
    public String usageWord(String key, String otherwise) {
        return usage.get(key) instanceof String word ? word : otherwise;
    }

    /** A string attribute, or {@code otherwise} when it is absent, null or empty. */
    public String text(String name, String otherwise) {
        return text(attributes, name, otherwise);
    }

    /** A number attribute (Terraform writes numbers, sometimes strings of them), or {@code otherwise}. */
    public BigDecimal number(String name, BigDecimal otherwise) {
        return number(attributes, name, otherwise);
    }

    public boolean flag(String name) {
        JsonNode v = attributes.get(name);
        return v != null && (v.isBoolean() ? v.asBoolean() : v.isString() && v.asString().equalsIgnoreCase("true"));
    }

    /** The first object of a nested block list ({@code root_block_device[0]}), or an empty object. */
    public JsonNode block(String name) {
        return block(attributes, name);
    }

    /** Every object of a nested block list. */
    public List<JsonNode> blocks(String name) {
        List<JsonNode> all = new ArrayList<>();
        JsonNode v = attributes.get(name);
        if (v != null && v.isArray()) {
            v.forEach(all::add);
        }
        return all;
    }

    public List<String> texts(String name) {
        List<String> all = new ArrayList<>();
        JsonNode v = attributes.get(name);
        if (v != null && v.isArray()) {
            v.forEach(e -> {
                if (e.isString() && !e.asString().isEmpty()) {
                    all.add(e.asString());
                }
            });
        }
        return all;
    }

    public static String text(JsonNode node, String name, String otherwise) {
        JsonNode v = node == null ? null : node.get(name);
        return v == null || v.isNull() || !v.isValueNode() || v.asString().isEmpty() ? otherwise : v.asString();
    }

    public static BigDecimal number(JsonNode node, String name, BigDecimal otherwise) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isString() && !v.asString().isBlank()) {
            try {
                return new BigDecimal(v.asString().trim());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    public static JsonNode block(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v != null && v.isArray() && !v.isEmpty() && v.get(0).isObject()) {
            return v.get(0);
        }
        return v != null && v.isObject() ? v : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
