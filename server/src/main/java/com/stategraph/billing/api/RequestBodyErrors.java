package com.stategraph.billing.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.core.JacksonException;

/** Turns a body Jackson could not read into a sentence that names the field, without echoing internals. */
final class RequestBodyErrors {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]{1,200})\"");

    private RequestBodyErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
            String field = d.getPath().get(d.getPath().size() - 1).getPropertyName();
            String original = d.getOriginalMessage() == null ? "" : d.getOriginalMessage();
            if (original.startsWith(StrictJson.CONTROL_CHARACTER)) {
                return "field '" + field + "' " + original;
            }
            return "field '" + field + "' has the wrong type";
        }
        if (cause instanceof JacksonException j) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(j.getOriginalMessage()));
            if (duplicate.find()) {
                return "field '" + duplicate.group(1) + "' is given more than once";
            }
            var type = e.getHttpInputMessage() == null ? null : e.getHttpInputMessage().getHeaders().getContentType();
            boolean yaml = type != null && type.getSubtype().contains("yaml");
            int line = j.getLocation() == null ? -1 : j.getLocation().getLineNr();
            return "the body is not valid " + (yaml ? "YAML" : "JSON") + (line > 0 ? " (line " + line + ")" : "");
        }
        return "the request body is missing or unreadable";
    }
}
