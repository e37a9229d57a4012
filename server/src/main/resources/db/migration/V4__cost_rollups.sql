-- Daily rollups of billing rows, rebuilt by each sync for the billing periods it loads, inside the
-- same transaction as the rows: cost views answer from these, not by scanning every billing row.
-- A (day, dimensions) key may appear more than once (a sync flushes partial sums when it has seen
-- many distinct keys); readers always sum.

CREATE TABLE cost_daily (
    tenant_id           uuid NOT NULL,
    source_id           uuid NOT NULL,
    billing_period      date NOT NULL,
    day                 date NOT NULL,
    provider            text NOT NULL,
    service_name        text,
    service_category    text,
    billing_account_id  text,
    sub_account_id      text,
    region_id           text,
    charge_category     text,
    billing_currency    text NOT NULL,
    billed_cost         numeric NOT NULL,
    effective_cost      numeric NOT NULL,
    list_cost           numeric NOT NULL,
    contracted_cost     numeric NOT NULL,
    row_count           bigint NOT NULL
);
CREATE INDEX cost_daily_tenant_day ON cost_daily (tenant_id, day);
CREATE INDEX cost_daily_source ON cost_daily (tenant_id, source_id, billing_period);

-- One row per tag of the rolled-up rows: (day, provider, service, currency, key, value).
CREATE TABLE cost_daily_tags (
    tenant_id           uuid NOT NULL,
    source_id           uuid NOT NULL,
    billing_period      date NOT NULL,
    day                 date NOT NULL,
    provider            text NOT NULL,
    service_name        text,
    billing_currency    text NOT NULL,
    tag_key             text NOT NULL,
    tag_value           text,
    billed_cost         numeric NOT NULL,
    effective_cost      numeric NOT NULL,
    list_cost           numeric NOT NULL,
    contracted_cost     numeric NOT NULL,
    row_count           bigint NOT NULL
);
CREATE INDEX cost_daily_tags_tenant_day ON cost_daily_tags (tenant_id, day, tag_key);
CREATE INDEX cost_daily_tags_source ON cost_daily_tags (tenant_id, source_id, billing_period);
