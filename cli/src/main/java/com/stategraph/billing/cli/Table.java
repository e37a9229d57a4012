package com.stategraph.billing.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Prints API results as an aligned table, tab-separated lines ({@code simple}), CSV or JSON. */
final class Table {
    private final List<String> headers = new ArrayList<>();
    private final List<Function<JsonNode, String>> cells = new ArrayList<>();

    Table column(String header, String field) {
        return column(header, node -> text(node.path(field)));
    }

    Table column(String header, Function<JsonNode, String> cell) {
        headers.add(header);
        cells.add(cell);
        return this;
    }

    void print(CliContext context, JsonNode results, OutputFormat format) {
        switch (format) {
            case JSON -> context.printJson(results);
            case SIMPLE -> printSimple(context.out(), results);
            case CSV -> printCsv(context.out(), results);
            case TABLE -> printTable(context.out(), results);
        }
    }

    private void printSimple(PrintWriter out, JsonNode results) {
        for (JsonNode row : results) {
            List<String> values = new ArrayList<>();
            cells.forEach(cell -> values.add(cell.apply(row)));
            out.println(String.join("\t", values));
        }
    }

    private void printCsv(PrintWriter out, JsonNode results) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : results) {
            List<String> values = new ArrayList<>();
            cells.forEach(cell -> values.add(cell.apply(row)));
            rows.add(values);
        }
        csv(out, headers, rows);
    }

    /** RFC 4180 CSV: a header line, then the rows; fields quoted where they need it. */
    static void csv(PrintWriter out, List<String> header, List<List<String>> rows) {
        CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).autoFlush(true).build(out);
        writer.writeRecord(header);
        rows.forEach(writer::writeRecord);
    }

    private void printTable(PrintWriter out, JsonNode results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(headers);
        for (JsonNode row : results) {
            List<String> values = new ArrayList<>();
            cells.forEach(cell -> values.add(cell.apply(row)));
            rows.add(values);
        }
        int[] widths = new int[headers.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "-";
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
