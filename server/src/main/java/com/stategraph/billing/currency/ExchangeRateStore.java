package com.stategraph.billing.currency;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code exchange_rates} table and the tenants' reporting currency. */
@Repository
class ExchangeRateStore {
    private final JdbcClient jdbc;

    ExchangeRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(String from, String to, YearMonth month, BigDecimal rate, String source, Instant updatedAt, String updatedBy) {
    }

    Optional<Stored> find(String from, String to, YearMonth month) {
        return jdbc.sql("SELECT from_currency, to_currency, month, rate, source, updated_at, updated_by FROM exchange_rates"
                        + " WHERE from_currency = ? AND to_currency = ? AND month = ?")
                .params(from, to, Date.valueOf(month.atDay(1))).query(ExchangeRateStore::stored).optional();
    }

    /** Every rate, or those of a pair (either side may be null: any). */
    List<Stored> list(String from, String to) {
        return jdbc.sql("SELECT from_currency, to_currency, month, rate, source, updated_at, updated_by FROM exchange_rates"
                        + " WHERE (?::text IS NULL OR from_currency = ?) AND (?::text IS NULL OR to_currency = ?)"
                        + " ORDER BY from_currency, to_currency, month")
                .params(from, from, to, to).query(ExchangeRateStore::stored).list();
    }

    void put(Stored rate) {
        jdbc.sql("INSERT INTO exchange_rates (from_currency, to_currency, month, rate, source, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (from_currency, to_currency, month) DO UPDATE SET rate = excluded.rate,"
                        + " source = excluded.source, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
                .params(rate.from(), rate.to(), Date.valueOf(rate.month().atDay(1)), rate.rate(), rate.source(),
                        Timestamp.from(rate.updatedAt()), rate.updatedBy())
                .update();
    }

    /**
     * The rates into {@code to} of the given currencies (null: any) and months, both directions, keyed
     * {@code FROM>TO@YYYY-MM}.
     */
    Map<String, BigDecimal> between(List<String> currencies, String to, YearMonth first, YearMonth last) {
        Map<String, BigDecimal> rates = new java.util.HashMap<>();
        String[] all = currencies == null ? null : new ArrayList<>(currencies).toArray(String[]::new);
        jdbc.sql("SELECT from_currency, to_currency, month, rate FROM exchange_rates WHERE month >= ? AND month <= ?"
                        + " AND ((to_currency = ? AND (?::text[] IS NULL OR from_currency = ANY (?)))"
                        + " OR (from_currency = ? AND (?::text[] IS NULL OR to_currency = ANY (?))))")
                .params(Date.valueOf(first.atDay(1)), Date.valueOf(last.atDay(1)), to, all, all, to, all, all)
                .query(rs -> {
                    rates.put(rs.getString(1) + ">" + rs.getString(2) + "@" + YearMonth.from(rs.getDate(3).toLocalDate()),
                            rs.getBigDecimal(4));
                });
        return rates;
    }

    Optional<String> reportingCurrency(java.util.UUID tenantId) {
        return jdbc.sql("SELECT reporting_currency FROM tenants WHERE id = ?").param(tenantId).query(String.class).optional();
    }

    void setReportingCurrency(java.util.UUID tenantId, String currency) {
        jdbc.sql("UPDATE tenants SET reporting_currency = ? WHERE id = ?").params(currency, tenantId).update();
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getString(1), rs.getString(2), YearMonth.from(rs.getDate(3).toLocalDate()), rs.getBigDecimal(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
    }
}
