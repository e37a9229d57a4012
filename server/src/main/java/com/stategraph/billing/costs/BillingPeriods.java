package com.stategraph.billing.costs;

import com.stategraph.billing.domain.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/** A range of billing periods from {@code from} and {@code to} ({@code YYYY-MM}, to exclusive); default the last three months and this one. */
@Component
public class BillingPeriods {
    private final Clock clock;

    BillingPeriods(Clock clock) {
        this.clock = clock;
    }

    public record Range(YearMonth from, YearMonth to) {
        LocalDate first() {
            return from.atDay(1);
        }

        LocalDate end() {
            return to.atDay(1);
        }
    }

    public Range parse(String fromText, String toText) {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth from = month(fromText, "from", now.minusMonths(3));
        YearMonth to = month(toText, "to", now.plusMonths(1));
        if (!from.isBefore(to)) {
            throw new InvalidInputException("INVALID_PARAMETER", "from (" + from + ") must be before to (" + to + ")");
        }
        return new Range(from, to);
    }

    private static YearMonth month(String text, String name, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("INVALID_PARAMETER", name + " '" + text + "' is not a month of the form YYYY-MM");
        }
    }
}
