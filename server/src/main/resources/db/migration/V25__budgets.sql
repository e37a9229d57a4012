-- Budgets: an amount per month or quarter in one currency, over the spend a few filters select,
-- with thresholds on actual and forecast spend; each threshold crossed in a period is alerted once.
CREATE TABLE budgets (
    tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id             uuid NOT NULL,
    name           text NOT NULL,
    period         text NOT NULL CHECK (period IN ('monthly', 'quarterly')),
    amount         numeric NOT NULL CHECK (amount > 0),
    currency       text NOT NULL,
    metric         text NOT NULL,
    provider       text,
    service_name   text,
    sub_account_id text,
    tags           text[] NOT NULL DEFAULT '{}',
    actual_thresholds   numeric[] NOT NULL,
    forecast_thresholds numeric[] NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);
COMMENT ON COLUMN budgets.tags IS 'K:V filters, all of which a line must carry';
COMMENT ON COLUMN budgets.actual_thresholds IS 'percents of the amount whose crossing by the spend so far is alerted';
COMMENT ON COLUMN budgets.forecast_thresholds IS 'percents of the amount whose crossing by the period-end forecast is alerted';

CREATE TABLE budget_alerts (
    tenant_id      uuid NOT NULL,
    budget_id      uuid NOT NULL,
    period_start   date NOT NULL,
    type           text NOT NULL CHECK (type IN ('actual', 'forecast')),
    percent        numeric NOT NULL,
    spent          numeric NOT NULL,
    forecast       numeric,
    alerted_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, budget_id, period_start, type, percent),
    FOREIGN KEY (tenant_id, budget_id) REFERENCES budgets (tenant_id, id) ON DELETE CASCADE
);
