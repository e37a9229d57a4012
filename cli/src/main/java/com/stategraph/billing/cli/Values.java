package com.stategraph.billing.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import picocli.CommandLine.TypeConversionException;

/** Values the CLI checks before asking the server (exit 124 when wrong), with messages that say what is expected. */
final class Values {
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Values() {
    }

    static UUID id(String text) {
        if (!ID.matcher(text.strip()).matches()) {
            throw new TypeConversionException("'" + text + "' is not an id: ids look like 3f2b1c4e-0a5d-4b8e-9c1f-2d3e4f5a6b7c,"
                    + " as the list commands show them");
        }
        return UUID.fromString(text.strip());
    }

    static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a date of the form YYYY-MM-DD (e.g. 2026-11-30)");
        }
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a month of the form YYYY-MM (e.g. 2026-11)");
        }
    }

    /** Refuses a range whose start is not before its end, as the server would, before asking it. */
    static <T extends Comparable<T>> void ordered(T from, T to) {
        if (from != null && to != null && from.compareTo(to) >= 0) {
            throw new Main.BadSetting("--from (" + from + ") must be before --to (" + to + "): --to is the first day (or month) after"
                    + " the range");
        }
    }
}
