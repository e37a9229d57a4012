package com.stategraph.billing.states;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is kept of a resource instance's attributes. States hold secrets (database passwords,
 * private keys, kubeconfigs, keys pasted into user data): only the attributes pricing reads for the
 * type, its identifiers, tags and where it runs are kept, and of those the paths Terraform marks
 * sensitive, attributes named like secrets and long strings are dropped too. Estimates read sizes,
 * types and counts, which are short and never secret.
 */
final class StateAttributes {
    static final int LONGEST_STRING = 1024;
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|private_key|token|credential|passphrase"
            + "|connection_string|access_key|kube_?config|client_key|client_certificate|certificate_data|cluster_ca"
            + "|sas_url|auth_key).*");
    /** The identifiers a bill may name an instance by, beyond {@code id}, {@code arn} and {@code self_link}. */
    private static final Map<String, List<String>> MORE_IDS = Map.of(
            "google_compute_instance", List.of("instance_id"),
            "aws_db_instance", List.of("resource_id"),
            "aws_rds_cluster", List.of("cluster_resource_id"));

    /** Kept for every type: what attribution matches bills by, tags, and where it runs. */
    private static final java.util.Set<String> ALWAYS = java.util.Set.of("id", "arn", "self_link", "tags_all", "tags", "labels",
            "region", "availability_zone", "zone", "location");

    private StateAttributes() {
    }

    /**
     * Keeps only {@code read} (what pricing reads for the type) and what every type keeps, then removes
     * secrets and long strings from that, in place; returns it.
     */
    static ObjectNode filter(String type, ObjectNode attributes, JsonNode sensitivePaths, java.util.Set<String> read) {
        List<String> unread = new ArrayList<>();
        attributes.propertyNames().forEach(name -> {
            if (!ALWAYS.contains(name) && !read.contains(name) && !MORE_IDS.getOrDefault(type, List.of()).contains(name)) {
                unread.add(name);
            }
        });
        attributes.remove(unread);
        return filter(attributes, sensitivePaths);
    }

    private static ObjectNode filter(ObjectNode attributes, JsonNode sensitivePaths) {
        if (sensitivePaths != null && sensitivePaths.isArray()) {
            for (JsonNode path : sensitivePaths) {
                remove(attributes, path.isArray() ? path : path.path("path"));
            }
        }
        scrub(attributes);
        return attributes;
    }

    /** {@code id}, {@code arn}, {@code self_link} and a few type-specific identifiers, each once, in that order. */
    static List<String> cloudIds(String type, JsonNode attributes) {
        List<String> names = new ArrayList<>(List.of("id", "arn", "self_link"));
        names.addAll(MORE_IDS.getOrDefault(type, List.of()));
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            JsonNode v = attributes.get(name);
            if (v != null && (v.isString() || v.isNumber()) && !v.asString().isEmpty() && !ids.contains(v.asString())) {
                ids.add(v.asString());
            }
        }
        return ids;
    }

    /** {@code tags_all}, else {@code tags}, else {@code labels}: string values only. */
    static Map<String, String> tags(JsonNode attributes) {
        for (String name : List.of("tags_all", "tags", "labels")) {
            JsonNode v = attributes.get(name);
            if (v != null && v.isObject()) {
                Map<String, String> tags = new LinkedHashMap<>();
                v.properties().forEach(e -> {
                    if (e.getValue().isString()) {
                        tags.put(e.getKey(), e.getValue().asString());
                    }
                });
                return tags;
            }
        }
        return Map.of();
    }

    /** Follows a path of steps ({@code get_attr} names, {@code index} keys) and removes what it ends at. */
    private static void remove(JsonNode root, JsonNode steps) {
        if (!steps.isArray() || steps.isEmpty()) {
            return;
        }
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            JsonNode key = step.path("value");
            boolean last = i == steps.size() - 1;
            if (node instanceof ObjectNode object) {
                String name = key.isObject() ? key.path("value").asString() : key.asString();
                if (last) {
                    object.remove(name);
                    return;
                }
                node = object.get(name);
            } else if (node instanceof ArrayNode array) {
                int index = key.isObject() ? key.path("value").asInt(-1) : key.asInt(-1);
                if (index < 0 || index >= array.size()) {
                    return;
                }
                if (last) {
                    array.set(index, array.nullNode());
                    return;
                }
                node = array.get(index);
            } else {
                return;
            }
            if (node == null) {
                return;
            }
        }
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> drop = new ArrayList<>();
            object.properties().forEach(e -> {
                if (SECRET.matcher(e.getKey()).matches() || tooLong(e.getValue())) {
                    drop.add(e.getKey());
                } else {
                    scrub(e.getValue());
                }
            });
            object.remove(drop);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (tooLong(array.get(i))) {
                    array.set(i, array.nullNode());
                } else {
                    scrub(array.get(i));
                }
            }
        }
    }

    private static boolean tooLong(JsonNode v) {
        return v.isString() && v.asString().length() > LONGEST_STRING;
    }
}
