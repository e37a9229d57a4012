package com.stategraph.billing.currency;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.domain.ConflictException;
import com.stategraph.billing.domain.InvalidInputException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's exchange rates per currency pair and month (by hand or from a CSV), the tenants'
 * reporting currency, and converters over them. A month before the current one is final: a rate
 * set for it is never changed.
 */
@Service
public class ExchangeRates {
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final String SAMPLE = "sample";
    static final int MAX_CSV_ROWS = 100_000;
    static final BigDecimal MIN_RATE = new BigDecimal("1e-6");
    static final BigDecimal MAX_RATE = new BigDecimal("1e6");

    private final ExchangeRateStore store;
    private final AuditLog audit;
    private final Clock clock;

    ExchangeRates(ExchangeRateStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "ExchangeRatesLoaded")
    public record Loaded(@Schema(description = "rows set or changed") int set,
                         @Schema(description = "rows equal to what was there") int unchanged) {
    }

    @Schema(name = "ReportingCurrency")
    public record Reporting(@Schema(nullable = true) @JsonProperty("reporting_currency") String reportingCurrency) {
    }

    public List<ExchangeRate> list(String from, String to) {
        if (from != null) {
            currency("from", from);
        }
        if (to != null) {
            currency("to", to);
        }
        return store.list(from, to).stream().map(this::view).toList();
    }

    @Transactional
    public ExchangeRate set(Caller caller, String from, String to, String month, BigDecimal rate) {
        ExchangeRateStore.Stored wanted = valid(from, to, month, rate, "manual", caller, "");
        boolean changed = put(wanted, "");
        if (changed) {
            audit.record(caller, null, "exchange_rate.set", "exchange_rate", null,
                    Map.of("from", from, "to", to, "month", month, "rate", rate.toPlainString()));
        }
        return view(store.find(wanted.from(), wanted.to(), wanted.month()).orElseThrow());
    }

    /** A CSV of {@code from,to,month,rate} (a header first): every row checked before any is written, all or none. */
    @Transactional
    public Loaded load(Caller caller, InputStream csv) {
        List<ExchangeRateStore.Stored> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
                .ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            var it = reader.iterator();
            if (!it.hasNext()) {
                throw new InvalidInputException("INVALID_CSV", "the CSV is empty: the first row names the columns from,to,month,rate");
            }
            List<String> header = it.next().getFields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int[] at = new int[4];
            String[] names = {"from", "to", "month", "rate"};
            for (int i = 0; i < names.length; i++) {
                at[i] = header.indexOf(names[i]);
                if (at[i] < 0) {
                    throw new InvalidInputException("INVALID_CSV", "row 1: the header has no column '" + names[i]
                            + "' (it needs from,to,month,rate; it has " + String.join(",", header) + ")");
                }
            }
            int row = 1;
            Map<String, Integer> seen = new java.util.HashMap<>();
            while (it.hasNext()) {
                CsvRecord r = it.next();
                row++;
                if (rows.size() >= MAX_CSV_ROWS) {
                    throw new InvalidInputException("INVALID_CSV", "more than " + MAX_CSV_ROWS + " rows");
                }
                String where = "row " + row + ", column ";
                String[] v = new String[4];
                for (int i = 0; i < 4; i++) {
                    v[i] = at[i] < r.getFieldCount() ? r.getField(at[i]).strip() : "";
                    if (v[i].codePoints().anyMatch(Character::isISOControl)) {
                        throw new InvalidInputException("INVALID_CSV", where + names[i] + ": holds a control character");
                    }
                }
                BigDecimal rate;
                try {
                    rate = new BigDecimal(v[3]);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("INVALID_CSV", where + "rate: '" + v[3] + "' is not a number");
                }
                ExchangeRateStore.Stored parsed = valid(v[0], v[1], v[2], rate, "csv", caller, where);
                Integer first = seen.putIfAbsent(parsed.from() + ">" + parsed.to() + "@" + parsed.month(), row);
                if (first != null) {
                    throw new InvalidInputException("INVALID_CSV", "row " + row + ": " + parsed.from() + " to " + parsed.to() + " for "
                            + parsed.month() + " is given twice (rows " + first + " and " + row + "); give each pair and month once");
                }
                rows.add(parsed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new InvalidInputException("INVALID_CSV", "the CSV cannot be read: " + e.getMessage());
        }
        int set = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (put(rows.get(i), "row " + (i + 2) + ": ")) {
                set++;
            }
        }
        audit.record(caller, null, "exchange_rate.load", "exchange_rate", null, Map.of("rows", rows.size(), "set", set));
        return new Loaded(set, rows.size() - set);
    }

    /**
     * The demo's sample rates, each labelled {@code sample} and set only where the pair has no rate
     * for that month, both ways: they never replace the operator's, and the operator's replace them.
     */
    @Transactional
    public int setSamples(Caller caller, String from, String to, Map<YearMonth, BigDecimal> rates) {
        int set = 0;
        for (var e : rates.entrySet()) {
            BigDecimal inverse = BigDecimal.ONE.divide(e.getValue(), 6, java.math.RoundingMode.HALF_EVEN);
            set += sample(caller, from, to, e.getKey(), e.getValue()) + sample(caller, to, from, e.getKey(), inverse);
        }
        return set;
    }

    private int sample(Caller caller, String from, String to, YearMonth month, BigDecimal rate) {
        ExchangeRateStore.Stored wanted = valid(from, to, month.toString(), rate, SAMPLE, caller, "");
        if (store.find(from, to, month).isPresent()) {
            return 0;
        }
        store.put(wanted);
        return 1;
    }

    /** Whether any of these rates is one of the demo's samples. */
    public boolean anySample(List<AppliedRate> applied) {
        if (applied == null) {
            return false;
        }
        for (AppliedRate r : applied) {
            String from = r.inverse() ? r.to() : r.from();
            String to = r.inverse() ? r.from() : r.to();
            if (store.find(from, to, YearMonth.parse(r.month())).filter(s -> SAMPLE.equals(s.source())).isPresent()) {
                return true;
            }
        }
        return false;
    }

    public Reporting reportingCurrency(UUID tenantId) {
        return new Reporting(store.reportingCurrency(tenantId).orElse(null));
    }

    @Transactional
    public Reporting setReportingCurrency(Caller caller, UUID tenantId, String currency) {
        if (currency != null) {
            currency("reporting_currency", currency);
        }
        store.setReportingCurrency(tenantId, currency);
        audit.record(caller, tenantId, "tenant.reporting_currency", "tenant", tenantId,
                currency == null ? Map.of() : Map.of("reporting_currency", currency));
        return new Reporting(currency);
    }

    /** Converts into {@code target} the given currencies over months {@code [first, last]}. */
    public Converter converter(Collection<String> currencies, String target, YearMonth first, YearMonth last) {
        currency("currency", target);
        List<String> others = currencies.stream().filter(c -> !c.equals(target)).distinct().toList();
        return new Converter(target, others.isEmpty() ? Map.of() : store.between(others, target, first, last));
    }

    /** Converts into {@code target} any currency over months {@code [first, last]}. */
    public Converter converter(String target, YearMonth first, YearMonth last) {
        currency("currency", target);
        return new Converter(target, store.between(null, target, first, last));
    }

    /** How a view of days {@code [first, end)} answers in {@code target}: a converter over the range's months. */
    public java.util.function.BiFunction<java.time.LocalDate, java.time.LocalDate, com.stategraph.billing.costs.MonthlyConversion>
            into(String target) {
        return (first, end) -> converter(target, YearMonth.from(first), YearMonth.from(end.minusDays(1)));
    }

    /** Sets it unless a final month has it otherwise; true when it changed something. */
    private boolean put(ExchangeRateStore.Stored wanted, String where) {
        var existing = store.find(wanted.from(), wanted.to(), wanted.month());
        if (existing.isPresent() && existing.get().rate().compareTo(wanted.rate()) == 0) {
            return false;
        }
        if (existing.isPresent() && isFinal(wanted.month()) && !SAMPLE.equals(existing.get().source())) {
            throw new ConflictException("RATE_FINAL", where + "the rate from " + wanted.from() + " to " + wanted.to() + " for "
                    + wanted.month() + " is final (" + existing.get().rate().toPlainString() + ", set " + existing.get().updatedAt()
                    + "): a month before the current one never changes");
        }
        store.put(wanted);
        return true;
    }

    private ExchangeRateStore.Stored valid(String from, String to, String month, BigDecimal rate, String source, Caller caller,
                                           String where) {
        currency(where + "from", from);
        currency(where + "to", to);
        if (from.equals(to)) {
            throw new InvalidInputException("INVALID_PARAMETER", where + "to: the pair " + from + " to " + to + " has one currency");
        }
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("INVALID_PARAMETER", where + "month must be YYYY-MM, got '" + printable(month) + "'");
        }
        YearMonth next = YearMonth.now(clock.withZone(ZoneOffset.UTC)).plusMonths(1);
        if (m.isAfter(next)) {
            throw new InvalidInputException("INVALID_PARAMETER", where + "month " + m + " is after next month (" + next
                    + "): rates are set for months that have begun or begin next");
        }
        if (rate == null || rate.compareTo(MIN_RATE) < 0 || rate.compareTo(MAX_RATE) > 0) {
            throw new InvalidInputException("INVALID_PARAMETER", where + "rate must be a number from 0.000001 to 1000000, got "
                    + (rate == null ? "nothing" : rate.toPlainString()));
        }
        String by = caller.email() != null ? caller.email() : caller.name();
        return new ExchangeRateStore.Stored(from, to, m, rate, source, Instant.now(clock), by);
    }

    private boolean isFinal(YearMonth month) {
        return month.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
    }

    private ExchangeRate view(ExchangeRateStore.Stored s) {
        return new ExchangeRate(s.from(), s.to(), s.month().toString(), s.rate().toPlainString(), s.source(), s.updatedAt(), s.updatedBy(),
                isFinal(s.month()));
    }

    static void currency(String field, String value) {
        if (value == null || !CURRENCY.matcher(value).matches() || !ISO_4217.contains(value)) {
            throw new InvalidInputException("INVALID_PARAMETER", field + " must be an ISO 4217 code such as EUR, got "
                    + (value == null ? "nothing" : "'" + printable(value) + "'"));
        }
    }

    private static final java.util.Set<String> ISO_4217 = java.util.Currency.getAvailableCurrencies().stream()
            .map(java.util.Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** What was given, with control characters shown as escapes: an answer never carries them to a terminal. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return out.toString();
    }
}
