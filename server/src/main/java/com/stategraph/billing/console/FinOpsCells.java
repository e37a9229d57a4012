package com.stategraph.billing.console;

import com.stategraph.billing.export.CsvTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A FinOps answer's table as people read it: headers in words, amounts in their row's currency
 * (USD 1,526.80, the exact figure in the tooltip), percentages with their sign, numbers right-aligned.
 * The CSV download keeps the answer's own columns and exact values.
 */
final class FinOpsCells {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Columns holding an amount of the row's currency. */
    private static final Pattern AMOUNT = Pattern.compile("(.*_)?(cost|amount|spent|forecast|remaining|savings|low|high)(_.*)?");

    private FinOpsCells() {
    }

    /** One cell: what is shown, the exact value behind it (or empty), and whether it is a number. */
    record Cell(String text, String exact, boolean number) {
    }

    record Formatted(List<String> header, List<Boolean> numeric, List<List<Cell>> rows) {
    }

    static Formatted of(CsvTable.Table table) {
        List<String> columns = table.header();
        int currency = columns.indexOf("currency");
        List<List<Cell>> rows = new ArrayList<>();
        boolean[] numeric = new boolean[columns.size()];
        for (List<String> row : table.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String value = row.get(i);
                String column = columns.get(i);
                boolean number = NUMBER.matcher(value).matches();
                numeric[i] |= number;
                if (number && column.endsWith("_percent")) {
                    cells.add(new Cell(value + " %", "", true));
                } else if (number && currency >= 0 && !row.get(currency).isEmpty() && AMOUNT.matcher(column).matches()
                        && !column.startsWith("days_")) {
                    cells.add(new Cell(Money.format(value, row.get(currency)), Money.exact(value, row.get(currency)), true));
                } else if (number) {
                    cells.add(new Cell(grouped(value), "", true));
                } else {
                    cells.add(new Cell(value, "", false));
                }
            }
            rows.add(cells);
        }
        List<Boolean> numbers = new ArrayList<>();
        for (boolean b : numeric) {
            numbers.add(b);
        }
        return new Formatted(columns.stream().map(FinOpsCells::label).toList(), numbers, rows);
    }

    /** {@code effective_savings_rate_percent} reads "Effective savings rate %". */
    static String label(String column) {
        String words = column.endsWith("_percent") ? column.substring(0, column.length() - "_percent".length()) + " %" : column;
        words = words.replace('_', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** A count or other plain number, thousands grouped. */
    private static String grouped(String value) {
        BigDecimal n = new BigDecimal(value);
        return n.scale() <= 0 ? String.format(Locale.ROOT, "%,d", n.longValueExact()) : value;
    }
}
