package com.stategraph.billing.states;

import com.stategraph.billing.domain.InvalidInputException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Terraform state (format version 4, what {@code terraform state pull} prints) as a stream:
 * one resource's instances at a time are in memory, whatever the state's size. Data sources are not
 * resources and are skipped; so are outputs, which may hold secrets.
 */
public final class StateReader {
    /**
     * Reads one instance at a time from the middle of the stream: what follows it is not "trailing"
     * (the end of the document is checked by hand). A key given twice is an error, never "the first wins".
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Terraform's lineage is a UUID; anything longer is not one. */
    public static final int LONGEST_LINEAGE = 64;
    /** Addresses are keys of the store's indexes, which hold at most about 2.7 KB: documented in the README. */
    public static final int LONGEST_ADDRESS_BYTES = 1000;

    /** The state's own fields. */
    public record Header(long version, String terraformVersion, Long serial, String lineage) {
    }

    private final ResourceRegions regions;
    private final AttributesRead read;

    public StateReader(String defaultAwsRegion, AttributesRead read) {
        this.regions = new ResourceRegions(defaultAwsRegion);
        this.read = read;
    }

    /**
     * Hands each managed resource instance to {@code sink} as it is read.
     *
     * @throws InvalidInputException the body is not JSON, not a state of format version 4, or has no resources array
     */
    public Header read(InputStream in, Consumer<ResourceInstance> sink) {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("a Terraform state is a JSON object", p);
            }
            Long version = null;
            String terraformVersion = null;
            Long serial = null;
            String lineage = null;
            boolean resources = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version" -> version = number(p, value, "version");
                    case "serial" -> serial = number(p, value, "serial");
                    case "terraform_version" -> terraformVersion = value == JsonToken.VALUE_STRING ? clean(p, "terraform_version") : null;
                    case "lineage" -> lineage = value == JsonToken.VALUE_STRING ? clean(p, "lineage") : null;
                    case "resources" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw invalid("\"resources\" must be an array", p);
                        }
                        resources = true;
                        readResources(p, sink);
                    }
                    default -> p.skipChildren();
                }
                if (version != null && version != 4) {
                    throw new InvalidInputException("INVALID_STATE", "state format version " + version + " is not supported:"
                            + " push a state written by Terraform 0.12 or later (format version 4)");
                }
            }
            if (version == null) {
                throw new InvalidInputException("INVALID_STATE", "the state has no \"version\": is this a Terraform state?");
            }
            if (!resources) {
                throw new InvalidInputException("INVALID_STATE", "the state has no \"resources\" array");
            }
            if (serial == null) {
                throw new InvalidInputException("INVALID_STATE", "the state has no \"serial\"");
            }
            if (serial < 0) {
                throw new InvalidInputException("INVALID_STATE", "\"serial\" is " + serial + "; a serial is 0 or more");
            }
            if (lineage != null && lineage.length() > LONGEST_LINEAGE) {
                throw new InvalidInputException("INVALID_STATE", "\"lineage\" is " + lineage.length() + " characters; at most "
                        + LONGEST_LINEAGE + " (Terraform writes a UUID)");
            }
            if (p.nextToken() != null) {
                throw invalid("the state document ends before the body does: nothing may follow it", p);
            }
            return new Header(version, terraformVersion, serial, lineage);
        } catch (tools.jackson.core.exc.JacksonIOException e) {
            throw new InvalidInputException("INVALID_STATE", "the state could not be read to its end: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new InvalidInputException("INVALID_STATE", "the state is not valid JSON: " + e.getOriginalMessage()
                    + at(e.getLocation()));
        }
    }

    private void readResources(JsonParser p, Consumer<ResourceInstance> sink) {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw invalid("resources[" + index + "] must be an object", p);
            }
            readResource(p, index++, sink);
        }
    }

    /**
     * A JSON object's fields come in any order: "module" may follow "instances". A resource's instances
     * wait until all of its fields are read, so each address is built from all of them.
     */
    private void readResource(JsonParser p, int index, Consumer<ResourceInstance> sink) {
        String mode = null;
        String type = null;
        String name = null;
        String module = null;
        String provider = null;
        List<ObjectNode> instances = new ArrayList<>();
        boolean instancesSeen = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "mode" -> mode = text(p, value);
                case "type" -> type = text(p, value);
                case "name" -> name = text(p, value);
                case "module" -> module = text(p, value);
                case "provider" -> provider = text(p, value);
                case "instances" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw invalid("resources[" + index + "].instances must be an array", p);
                    }
                    instancesSeen = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode instance = JSON.readTree(p);
                        if (!(instance instanceof ObjectNode object)) {
                            throw invalid("resources[" + index + "].instances holds something other than objects", p);
                        }
                        instances.add(object);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (type == null || name == null || mode == null) {
            throw invalid("resources[" + index + "] has no " + (mode == null ? "\"mode\"" : type == null ? "\"type\"" : "\"name\""), p);
        }
        if (!instancesSeen) {
            throw invalid("resources[" + index + "] (" + type + "." + name + ") has no \"instances\"", p);
        }
        for (ObjectNode instance : instances) {
            emit(mode, module, type, name, provider, instance, sink);
        }
    }

    private void emit(String mode, String module, String type, String name, String providerReference, ObjectNode instance,
                      Consumer<ResourceInstance> sink) {
        if (!mode.equals("managed")) {
            return;
        }
        String address = StateAddresses.address(module, type, name, instance.get("index_key"));
        int bytes = address.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > LONGEST_ADDRESS_BYTES) {
            throw new InvalidInputException("INVALID_STATE", "the address of " + type + "." + name + " is " + bytes
                    + " bytes long; at most " + LONGEST_ADDRESS_BYTES + " are allowed");
        }
        String nul = nulAt(instance, "");
        if (nul != null) {
            throw new InvalidInputException("INVALID_STATE", "the instance " + printable(address) + " holds a NUL character (\\u0000)"
                    + " at " + nul + ": a state never does");
        }
        String provider = StateAddresses.provider(providerReference);
        JsonNode attributes = instance.get("attributes");
        ObjectNode kept = attributes instanceof ObjectNode o ? o : JSON.createObjectNode();
        StateAttributes.filter(type, kept, instance.get("sensitive_attributes"), read.of(type));
        sink.accept(new ResourceInstance(address, type, provider,
                regions.of(provider, kept), StateAttributes.tags(kept), StateAttributes.cloudIds(type, kept), kept));
    }

    /** Where under {@code node} a string or key holds NUL, which PostgreSQL cannot store; null when nowhere. */
    private static String nulAt(JsonNode node, String path) {
        if (node.isString()) {
            return node.asString().indexOf('\0') >= 0 ? (path.isEmpty() ? "the value" : path) : null;
        }
        if (node.isObject()) {
            for (var e : node.properties()) {
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().indexOf('\0') >= 0) {
                    return printable(at) + " (a key)";
                }
                String found = nulAt(e.getValue(), at);
                if (found != null) {
                    return printable(found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulAt(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String printable(String text) {
        return text.replace("\0", "\\u0000");
    }

    /** A string field of the state's own, which PostgreSQL must be able to store. */
    private static String clean(JsonParser p, String field) {
        String value = p.getString();
        if (value.indexOf('\0') >= 0) {
            throw invalid("\"" + field + "\" holds a NUL character (\\u0000)", p);
        }
        return value;
    }

    private static Long number(JsonParser p, JsonToken value, String field) {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw invalid("\"" + field + "\" must be a whole number", p);
        }
        return p.getLongValue();
    }

    private static String text(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw invalid("\"" + p.currentName() + "\" must be a string", p);
        }
        return clean(p, p.currentName());
    }

    private static InvalidInputException invalid(String what, JsonParser p) {
        return new InvalidInputException("INVALID_STATE", what + at(p.currentLocation()));
    }

    private static String at(TokenStreamLocation where) {
        return where == null || where.getLineNr() < 0 ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
}
