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
 * ({@code status_spent}); an element's {@code series} (a cost view's points) becomes a row per point
 * under the element's own columns; other lists are written as JSON in their cell.
 */
public final class CsvTable {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private CsvTable() {
    }

    /** A table's columns and rows, every cell as text (formula-like text not yet quoted). */
    public record Table(List<String> header, List<List<String>> rows) {
    }

    public static Table of(JsonNode answer) {
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
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, String> row : rows) {
            List<String> line = new ArrayList<>(header.size());
            for (String column : header) {
                line.add(row.getOrDefault(column, ""));
            }
            cells.add(line);
        }
        return new Table(List.copyOf(header), cells);
    }

    public static void write(JsonNode answer, Writer out) {
        write(answer, List.of(), out);
    }

    /** @param emptyHeader the columns to name when the answer has no row (CsvColumns) */
    public static void write(JsonNode answer, List<String> emptyHeader, Writer out) {
        Table table = of(answer);
        if (table.rows().isEmpty() && table.header().isEmpty()) {
            table = new Table(emptyHeader, List.of());
        }
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeRecord(table.header());
        for (List<String> row : table.rows()) {
            csv.writeRecord(row.stream().map(CsvTable::safe).toList());
        }
        try {
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An element's rows: one, or one per point of its series. */
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
            } else if (value.isArray() && exploded[0] == null && prefix.isEmpty() && field.getKey().equals("series")
                    && !value.isEmpty() && value.get(0).isObject()) {
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
