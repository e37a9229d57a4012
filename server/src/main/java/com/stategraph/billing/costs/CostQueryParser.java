package com.stategraph.billing.costs;

import com.stategraph.billing.domain.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Request parameters to a {@link CostQuery}; a bad one is a 400 that names it. */
@Component
public class CostQueryParser {
    static final int MAX_RANGE_DAYS = 5 * 366;
    static final int MAX_DAILY_DAYS = 400;
    static final int MAX_LIMIT = 1000;

    private final Clock clock;

    public CostQueryParser(Clock clock) {
        this.clock = clock;
    }

    public record Params(String from, String to, String metric, String groupBy, String tagKey, String granularity,
                         String provider, String service, String subAccount, String region, String sourceId,
                         List<String> tags, String limit, String hostProvider, String publisher, String invoiceIssuer) {
        /** Only a range (and the metric) asked for. */
        public static Params range(String from, String to, String metric) {
            return new Params(from, to, metric, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    static final int MAX_TEXT = 512;

    public CostQuery parse(UUID tenantId, Params p) {
        checkLength("provider", p.provider());
        checkLength("host_provider", p.hostProvider());
        checkLength("publisher", p.publisher());
        checkLength("invoice_issuer", p.invoiceIssuer());
        checkLength("service", p.service());
        checkLength("sub_account", p.subAccount());
        checkLength("region", p.region());
        checkLength("tag_key", p.tagKey());
        for (String t : p.tags() == null ? List.<String>of() : p.tags()) {
            checkLength("tag", t);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = p.from() == null ? today.withDayOfMonth(1) : date("from", p.from());
        LocalDate to = p.to() == null ? (p.from() == null ? today.plusDays(1) : defaultTo(from, today)) : date("to", p.to());
        if (!from.isBefore(to)) {
            throw new InvalidInputException("INVALID_PARAMETER", "from (" + from + ") must be before to (" + to + "); the range is [from, to)");
        }
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > MAX_RANGE_DAYS) {
            throw new InvalidInputException("INVALID_PARAMETER", "the range from " + from + " to " + to + " is longer than 5 years");
        }
        Metric metric = p.metric() == null ? Metric.EFFECTIVE : Metric.parse(p.metric());
        Dimension groupBy = p.groupBy() == null ? null : Dimension.parse(p.groupBy());
        String tagKey = blankToNull(p.tagKey());
        if (groupBy == Dimension.TAG && tagKey == null) {
            throw new InvalidInputException("INVALID_PARAMETER", "tag_key is required with group_by=tag");
        }
        if (groupBy != Dimension.TAG && tagKey != null) {
            throw new InvalidInputException("INVALID_PARAMETER", "tag_key is only used with group_by=tag");
        }
        Granularity granularity = p.granularity() == null ? Granularity.TOTAL : Granularity.parse(p.granularity());
        if (granularity == Granularity.DAY && days > MAX_DAILY_DAYS) {
            throw new InvalidInputException("INVALID_PARAMETER", "granularity=day covers at most " + MAX_DAILY_DAYS
                    + " days; use granularity=month for " + days + " days");
        }
        UUID sourceId = null;
        if (p.sourceId() != null) {
            try {
                sourceId = UUID.fromString(p.sourceId());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("INVALID_PARAMETER", "source_id: '" + p.sourceId() + "' is not a UUID");
            }
        }
        List<CostQuery.TagFilter> tags = new ArrayList<>();
        for (String t : p.tags() == null ? List.<String>of() : p.tags()) {
            int colon = t.indexOf(':');
            if (colon <= 0 || t.substring(0, colon).isBlank()) {
                throw new InvalidInputException("INVALID_PARAMETER", "tag: '" + t + "' is not of the form KEY:VALUE");
            }
            tags.add(new CostQuery.TagFilter(t.substring(0, colon).trim(), t.substring(colon + 1)));
        }
        Integer limit = null;
        if (p.limit() != null) {
            try {
                limit = Integer.parseInt(p.limit());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidInputException("INVALID_PARAMETER", "limit: '" + p.limit() + "' is not a number from 1 to " + MAX_LIMIT);
            }
        }
        if (limit == null && groupBy == Dimension.RESOURCE) {
            // A tenant has as many resources as rows, nearly: unasked, the answer is the top ones and "other", never millions.
            limit = MAX_LIMIT;
        }
        return new CostQuery(tenantId, from, to, metric, groupBy, tagKey, granularity, blankToNull(p.provider()),
                blankToNull(p.service()), blankToNull(p.subAccount()), blankToNull(p.region()), sourceId, List.copyOf(tags), limit,
                blankToNull(p.hostProvider()), blankToNull(p.publisher()), blankToNull(p.invoiceIssuer()));
    }

    /** Only a start given: through the end of its month, or today when that month is the current one. */
    private static LocalDate defaultTo(LocalDate from, LocalDate today) {
        LocalDate endOfMonth = from.withDayOfMonth(1).plusMonths(1);
        return endOfMonth.isAfter(today.plusDays(1)) && !from.isAfter(today) ? today.plusDays(1) : endOfMonth;
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("INVALID_PARAMETER", name + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    static InvalidInputException invalid(String name, String value, String allowed) {
        return new InvalidInputException("INVALID_PARAMETER", name + ": '" + value + "' is not one of " + allowed);
    }

    /** Longer values name nothing real; refused before anything else reads them. */
    private static void checkLength(String name, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidInputException("INVALID_PARAMETER", name + " is " + value.length() + " characters long; at most "
                    + MAX_TEXT + " are allowed");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
