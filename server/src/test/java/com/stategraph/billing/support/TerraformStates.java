package com.stategraph.billing.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Terraform states (format version 4) as `terraform state pull` prints them, built for tests. */
public final class TerraformStates {
    private final ObjectNode root = HttpApi.JSON.createObjectNode();
    private final ArrayNode resources;

    private TerraformStates(long serial, String lineage) {
        root.put("version", 4);
        root.put("terraform_version", "1.9.8");
        root.put("serial", serial);
        root.put("lineage", lineage);
        root.putObject("outputs").putObject("db_password").put("value", "hunter2").put("sensitive", true);
        resources = root.putArray("resources");
        root.putArray("check_results");
    }

    public static TerraformStates state(long serial, String lineage) {
        return new TerraformStates(serial, lineage);
    }

    /** One instance of a managed resource; {@code index} null, a number or a string. */
    public record Instance(Object index, Map<String, ?> attributes, List<List<Map<String, Object>>> sensitive) {
        public static Instance of(Object index, Map<String, ?> attributes) {
            return new Instance(index, attributes, List.of());
        }
    }

    public TerraformStates resource(String mode, String module, String type, String name, String provider, Instance... instances) {
        ObjectNode r = resources.addObject();
        if (module != null) {
            r.put("module", module);
        }
        r.put("mode", mode);
        r.put("type", type);
        r.put("name", name);
        r.put("provider", "provider[\"registry.terraform.io/hashicorp/" + provider + "\"]");
        ArrayNode list = r.putArray("instances");
        for (Instance i : instances) {
            ObjectNode instance = list.addObject();
            if (i.index() instanceof Number n) {
                instance.put("index_key", n.longValue());
            } else if (i.index() != null) {
                instance.put("index_key", i.index().toString());
            }
            instance.put("schema_version", 1);
            instance.set("attributes", HttpApi.JSON.valueToTree(i.attributes()));
            instance.set("sensitive_attributes", HttpApi.JSON.valueToTree(i.sensitive()));
            instance.putArray("dependencies");
        }
        return this;
    }

    public TerraformStates managed(String type, String name, String provider, Map<String, ?> attributes) {
        return resource("managed", null, type, name, provider, Instance.of(null, attributes));
    }

    public String json() {
        return HttpApi.JSON.writeValueAsString(root);
    }

    /** A path of {@code sensitive_attributes}: attribute names. */
    public static List<Map<String, Object>> path(String... names) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (String n : names) {
            steps.add(Map.of("type", "get_attr", "value", n));
        }
        return steps;
    }
}
