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
    private String empty = "Nothing found.";
    /** Amounts, counts, percentages and ratios: a column of only these is right-aligned. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "([A-Z]{3} )?[-+]?[0-9][0-9,]*(\\.[0-9]+)?( %)?|x[0-9]+(\\.[0-9]+)?|-|not estimated|no price|depends on usage.*|not comparable");

    /** What a table for people says instead of a lone header when there are no rows. */
    Table empty(String sentence) {
        this.empty = sentence;
        return this;
    }

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
            // a value that is not there is an empty field, not the "-" a person reads
            cells.forEach(cell -> values.add("-".equals(cell.apply(row)) ? "" : cell.apply(row)));
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
        if (results.isEmpty()) {
            out.println(empty);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(headers);
        for (JsonNode row : results) {
            List<String> values = new ArrayList<>();
            cells.forEach(cell -> values.add(cell.apply(row)));
            rows.add(values);
        }
        aligned(out, rows);
    }

    /** Rows (the first the header) in columns two spaces apart; a column of numbers and amounts is right-aligned. */
    static void aligned(PrintWriter out, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        java.util.Arrays.fill(numeric, true);
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], rows.get(r).get(i).length());
                numeric[i] &= r == 0 || NUMBER.matcher(rows.get(r).get(i)).matches();
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String value = row.get(i);
                String padding = " ".repeat(widths[i] - value.length());
                line.append(numeric[i] ? padding + value : value + (i == columns - 1 ? "" : padding));
                if (i < columns - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "-";
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
