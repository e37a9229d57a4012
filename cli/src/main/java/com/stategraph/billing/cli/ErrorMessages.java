package com.stategraph.billing.cli;

import tools.jackson.databind.JsonNode;

/** Turns an API error body into the one line the CLI prints, such as {@code Forbidden: admin privileges required}. */
final class ErrorMessages {
    private ErrorMessages() {
    }

    static String describe(int status, JsonNode body) {
        String detail = detail(body);
        String label = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            default -> status >= 500 ? "Server error" : "Error";
        };
        return detail == null ? label + " (HTTP " + status + ")" : label + ": " + detail;
    }

    private static String detail(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode reasons = body.path("reasons");
        if (reasons.isArray() && !reasons.isEmpty()) {
            return reasons.get(0).path("detail").asString(null);
        }
        JsonNode data = body.path("data");
        return data.isString() ? data.asString() : null;
    }
}
