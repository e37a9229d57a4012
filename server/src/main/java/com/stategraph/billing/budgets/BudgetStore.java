package com.stategraph.billing.budgets;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code budgets} and {@code budget_alerts} tables. */
@Repository
class BudgetStore {
    private static final String COLUMNS = "id, name, period, amount, currency, metric, provider, service_name, sub_account_id, tags,"
            + " actual_thresholds, forecast_thresholds, created_at, updated_at";

    private final JdbcClient jdbc;

    BudgetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A budget as stored. */
    record Stored(UUID id, String name, String period, BigDecimal amount, String currency, String metric, SpendScope scope,
                  List<Budget.Threshold> thresholds, Instant createdAt, Instant updatedAt) {
    }

    void insert(UUID tenantId, Stored b) {
        jdbc.sql("INSERT INTO budgets (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::numeric[], ?::numeric[], ?, ?)")
                .params(values(tenantId, b)).update();
    }

    boolean update(UUID tenantId, Stored b) {
        return jdbc.sql("UPDATE budgets SET name = ?, period = ?, amount = ?, currency = ?, metric = ?, provider = ?, service_name = ?,"
                        + " sub_account_id = ?, tags = ?, actual_thresholds = ?::numeric[], forecast_thresholds = ?::numeric[], updated_at = ?"
                        + " WHERE tenant_id = ? AND id = ?")
                .params(b.name(), b.period(), b.amount(), b.currency(), b.metric(), b.scope().provider(), b.scope().service(),
                        b.scope().subAccount(), b.scope().tags().toArray(String[]::new), percents(b, Budget.ACTUAL),
                        percents(b, Budget.FORECAST), Timestamp.from(b.updatedAt()), tenantId, b.id())
                .update() == 1;
    }

    boolean delete(UUID tenantId, UUID id) {
        return jdbc.sql("DELETE FROM budgets WHERE tenant_id = ? AND id = ?").params(tenantId, id).update() == 1;
    }

    Optional<Stored> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM budgets WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query(BudgetStore::stored).optional();
    }

    boolean nameTaken(UUID tenantId, String name, UUID except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM budgets WHERE tenant_id = ? AND name = ? AND id IS DISTINCT FROM ?)")
                .params(tenantId, name, except).query(Boolean.class).single();
    }

    List<Stored> list(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM budgets WHERE tenant_id = ? ORDER BY name").param(tenantId)
                .query(BudgetStore::stored).list();
    }

    List<Budget.Alert> alerts(UUID tenantId, UUID budgetId, LocalDate periodStart) {
        return jdbc.sql("SELECT type, percent, alerted_at, spent, forecast FROM budget_alerts"
                        + " WHERE tenant_id = ? AND budget_id = ? AND period_start = ? ORDER BY alerted_at, type, percent")
                .params(tenantId, budgetId, Date.valueOf(periodStart))
                .query((rs, i) -> new Budget.Alert(rs.getString("type"), rs.getBigDecimal("percent"), rs.getTimestamp("alerted_at").toInstant(),
                        com.stategraph.billing.costs.ActualsService.money(rs.getBigDecimal("spent")),
                        rs.getBigDecimal("forecast") == null ? null : com.stategraph.billing.costs.ActualsService.money(rs.getBigDecimal("forecast"))))
                .list();
    }

    /** Records a crossing unless the period already has it; true when it is new. */
    boolean recordAlert(UUID tenantId, UUID budgetId, LocalDate periodStart, Budget.Threshold threshold, BigDecimal spent,
                        BigDecimal forecast, Instant now) {
        return jdbc.sql("INSERT INTO budget_alerts (tenant_id, budget_id, period_start, type, percent, spent, forecast, alerted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(tenantId, budgetId, Date.valueOf(periodStart), threshold.type(), threshold.percent(), spent, forecast,
                        Timestamp.from(now))
                .update() == 1;
    }

    private static Object[] values(UUID tenantId, Stored b) {
        return new Object[] {tenantId, b.id(), b.name(), b.period(), b.amount(), b.currency(), b.metric(), b.scope().provider(),
                b.scope().service(), b.scope().subAccount(), b.scope().tags().toArray(String[]::new), percents(b, Budget.ACTUAL),
                percents(b, Budget.FORECAST), Timestamp.from(b.createdAt()), Timestamp.from(b.updatedAt())};
    }

    /** As text: bound as {@code ?::numeric[]}, exact. */
    private static String[] percents(Stored b, String type) {
        return b.thresholds().stream().filter(t -> t.type().equals(type)).map(t -> t.percent().toPlainString()).toArray(String[]::new);
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        List<Budget.Threshold> thresholds = new ArrayList<>();
        for (String type : List.of(Budget.ACTUAL, Budget.FORECAST)) {
            for (BigDecimal p : (BigDecimal[]) rs.getArray(type + "_thresholds").getArray()) {
                thresholds.add(new Budget.Threshold(type, p));
            }
        }
        Array tags = rs.getArray("tags");
        return new Stored(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("period"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getString("metric"),
                new SpendScope(rs.getString("provider"), rs.getString("service_name"), rs.getString("sub_account_id"),
                        Arrays.asList((String[]) tags.getArray())),
                thresholds, rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
