package com.stategraph.billing.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Any answer of the API as one CSV table: a row per element of its {@code results} (the whole answer
 * is one row when it has none). Nested objects become columns named by their path
 * ({@code status_spent}); the first list of objects in an element (a series, say) becomes a row per
 * item under the element's own columns; other lists are written as JSON in their cell.
 */
public final class CsvTable {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private CsvTable() {
    }

    public static void write(JsonNode answer, Writer out) {
        List<Map<String, String>> rows = new ArrayList<>();
        JsonNode results = answer.path("results");
        if (results.isArray()) {
            for (JsonNode element : results) {
                rows.addAll(rows(element));
            }
        } else {
            rows.addAll(rows(answer));
        }
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(r -> header.addAll(r.keySet()));
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeRecord(header);
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>(header.size());
            for (String column : header) {
                cells.add(safe(row.getOrDefault(column, "")));
            }
            csv.writeRecord(cells);
        }
        try {
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An element's rows: one, or one per item of its first list of objects. */
    private static List<Map<String, String>> rows(JsonNode element) {
        Map<String, String> own = new LinkedHashMap<>();
        String[] exploded = {null};
        flatten("", element, own, exploded);
        List<Map<String, String>> rows = new ArrayList<>();
        if (exploded[0] == null) {
            rows.add(own);
            return rows;
        }
        for (JsonNode item : element.path(exploded[0])) {
            Map<String, String> row = new LinkedHashMap<>(own);
            flatten(exploded[0] + "_", item, row, new String[] {""});
            rows.add(row);
        }
        if (rows.isEmpty()) {
            rows.add(own);
        }
        return rows;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into, String[] exploded) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name + "_", value, into, new String[] {""});
            } else if (value.isArray() && exploded[0] == null && prefix.isEmpty() && !value.isEmpty() && value.get(0).isObject()) {
                exploded[0] = field.getKey();
            } else if (value.isArray()) {
                into.put(name, value.toString());
            } else {
                into.put(name, value.isNull() ? "" : value.asString());
            }
        }
    }

    /**
     * A cell a spreadsheet would run as a formula (billing data comes from anyone who can tag a
     * resource) is written with a leading quote; numbers stay numbers.
     */
    static String safe(String cell) {
        if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
