package com.stategraph.billing.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.Map;

/**
 * Date-times as exports write them, to UTC instants: ISO 8601 with or without seconds, fraction
 * or zone ({@code 2024-01-01T00:00Z}), a space instead of {@code T}, or a bare date. A value
 * without a zone is UTC, as FOCUS requires. Billing files repeat the same few timestamps
 * millions of times, so recent answers are remembered.
 */
final class TimestampText {
    private static final int CACHE_LIMIT = 4096;
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendLiteral("UTC").optionalEnd()
            .optionalEnd()
            .toFormatter();

    private final Map<String, Instant> parsed = new HashMap<>();
    private final Map<Instant, String> formatted = new HashMap<>();

    /** @throws DateTimeParseException when the text is not a date-time */
    Instant parse(String text) {
        Instant cached = parsed.get(text);
        if (cached != null) {
            return cached;
        }
        Instant value = parseUncached(text.trim());
        if (parsed.size() >= CACHE_LIMIT) {
            parsed.clear();
        }
        parsed.put(text, value);
        return value;
    }

    /** ISO 8601 in UTC, as PostgreSQL reads it. */
    String format(Instant instant) {
        String cached = formatted.get(instant);
        if (cached != null) {
            return cached;
        }
        String text = instant.toString();
        if (formatted.size() >= CACHE_LIMIT) {
            formatted.clear();
        }
        formatted.put(instant, text);
        return text;
    }

    static Instant parseUncached(String text) {
        TemporalAccessor t = FORMAT.parse(text);
        LocalDate date = LocalDate.from(t);
        if (!t.isSupported(ChronoField.HOUR_OF_DAY)) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        LocalDateTime local = LocalDateTime.of(date, java.time.LocalTime.of(
                t.get(ChronoField.HOUR_OF_DAY), t.get(ChronoField.MINUTE_OF_HOUR),
                t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0,
                t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0));
        ZoneOffset offset = t.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
        return OffsetDateTime.of(local, offset).toInstant();
    }
}
