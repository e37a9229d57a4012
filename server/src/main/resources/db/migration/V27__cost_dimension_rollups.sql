-- Sums per day (and per month) and single dimension: what the plainest questions ask ("the month
-- so far by provider", "a quarter by sub-account", the console's groupings) without filters. They
-- hold a few rows per dimension value instead of one per combination of every dimension, so those
-- questions read tens of rows instead of thousands. Written by each sync with the other rollups,
-- derived from its cost_daily and cost_monthly rows (RollupWriter); dimension 'total' holds the
-- ungrouped sum. value is NULL where the rows leave the dimension empty.

CREATE TABLE cost_daily_dimensions (
    tenant_id           uuid NOT NULL,
    source_id           uuid NOT NULL,
    billing_period      date NOT NULL,
    day                 date NOT NULL,
    dimension           text NOT NULL,
    value               text,
    billing_currency    text NOT NULL,
    billed_cost         numeric NOT NULL,
    effective_cost      numeric NOT NULL,
    list_cost           numeric NOT NULL,
    contracted_cost     numeric NOT NULL,
    row_count           bigint NOT NULL
);
CREATE INDEX cost_daily_dimensions_tenant ON cost_daily_dimensions (tenant_id, dimension, day);
CREATE INDEX cost_daily_dimensions_source ON cost_daily_dimensions (tenant_id, source_id, billing_period);

CREATE TABLE cost_monthly_dimensions (
    tenant_id           uuid NOT NULL,
    source_id           uuid NOT NULL,
    billing_period      date NOT NULL,
    month               date NOT NULL,
    dimension           text NOT NULL,
    value               text,
    billing_currency    text NOT NULL,
    billed_cost         numeric NOT NULL,
    effective_cost      numeric NOT NULL,
    list_cost           numeric NOT NULL,
    contracted_cost     numeric NOT NULL,
    row_count           bigint NOT NULL
);
CREATE INDEX cost_monthly_dimensions_tenant ON cost_monthly_dimensions (tenant_id, dimension, month);
CREATE INDEX cost_monthly_dimensions_source ON cost_monthly_dimensions (tenant_id, source_id, billing_period);

INSERT INTO cost_daily_dimensions
SELECT r.tenant_id, r.source_id, r.billing_period, r.day, d.dimension, d.value, r.billing_currency,
       sum(r.billed_cost), sum(r.effective_cost), sum(r.list_cost), sum(r.contracted_cost), sum(r.row_count)::bigint
FROM cost_daily r
CROSS JOIN LATERAL (VALUES ('total', NULL), ('provider', r.provider), ('host_provider', r.host_provider),
    ('publisher', r.publisher), ('invoice_issuer', r.invoice_issuer), ('service_name', r.service_name),
    ('service_category', r.service_category), ('billing_account_id', r.billing_account_id),
    ('sub_account_id', r.sub_account_id), ('region_id', r.region_id), ('charge_category', r.charge_category))
    AS d (dimension, value)
GROUP BY r.tenant_id, r.source_id, r.billing_period, r.day, d.dimension, d.value, r.billing_currency
ORDER BY r.tenant_id, d.dimension, r.day;

INSERT INTO cost_monthly_dimensions
SELECT r.tenant_id, r.source_id, r.billing_period, r.month, d.dimension, d.value, r.billing_currency,
       sum(r.billed_cost), sum(r.effective_cost), sum(r.list_cost), sum(r.contracted_cost), sum(r.row_count)::bigint
FROM cost_monthly r
CROSS JOIN LATERAL (VALUES ('total', NULL), ('provider', r.provider), ('host_provider', r.host_provider),
    ('publisher', r.publisher), ('invoice_issuer', r.invoice_issuer), ('service_name', r.service_name),
    ('service_category', r.service_category), ('billing_account_id', r.billing_account_id),
    ('sub_account_id', r.sub_account_id), ('region_id', r.region_id), ('charge_category', r.charge_category))
    AS d (dimension, value)
GROUP BY r.tenant_id, r.source_id, r.billing_period, r.month, d.dimension, d.value, r.billing_currency
ORDER BY r.tenant_id, d.dimension, r.month;
