package com.stategraph.billing.states;

import tools.jackson.databind.JsonNode;

/** Terraform's way of writing a resource instance's address and its provider's name. */
final class StateAddresses {
    private StateAddresses() {
    }

    /** {@code module.a.aws_instance.web[0]}; a string key is quoted and escaped: {@code aws_lb.x["blue"]}. */
    static String address(String module, String type, String name, JsonNode indexKey) {
        StringBuilder a = new StringBuilder();
        if (module != null && !module.isEmpty()) {
            a.append(module).append('.');
        }
        a.append(type).append('.').append(name);
        if (indexKey != null && !indexKey.isNull() && !indexKey.isMissingNode()) {
            a.append('[');
            if (indexKey.isNumber()) {
                a.append(indexKey.asString());
            } else {
                a.append('"');
                for (char c : indexKey.asString().toCharArray()) {
                    if (c == '"' || c == '\\') {
                        a.append('\\');
                    }
                    a.append(c);
                }
                a.append('"');
            }
            a.append(']');
        }
        return a.toString();
    }

    /**
     * The provider's type name from a state's provider reference:
     * {@code provider["registry.terraform.io/hashicorp/aws"].west} and {@code provider.aws} are both {@code aws}.
     */
    static String provider(String reference) {
        if (reference == null || reference.isEmpty()) {
            return "unknown";
        }
        int open = reference.indexOf("[\"");
        if (open >= 0) {
            int close = reference.indexOf("\"]", open);
            String source = reference.substring(open + 2, close < 0 ? reference.length() : close);
            return source.substring(source.lastIndexOf('/') + 1);
        }
        String rest = reference.startsWith("provider.") ? reference.substring("provider.".length()) : reference;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
