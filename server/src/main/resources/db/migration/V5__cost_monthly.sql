-- Monthly rollup beside the daily one: a range of whole months (a month, a quarter) is answered from
-- a few rows per tenant and month; the days at its edges still come from cost_daily.
CREATE TABLE cost_monthly (
    tenant_id           uuid NOT NULL,
    source_id           uuid NOT NULL,
    billing_period      date NOT NULL,
    month               date NOT NULL,
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
CREATE INDEX cost_monthly_tenant_month ON cost_monthly (tenant_id, month);
CREATE INDEX cost_monthly_source ON cost_monthly (tenant_id, source_id, billing_period);
