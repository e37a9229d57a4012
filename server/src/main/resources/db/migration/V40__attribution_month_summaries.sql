-- Attribution's answers summed per month, written by each computation in its own transaction, so
-- the attribution split and the unmanaged list of a whole month read a few rows instead of every
-- resource of the month (at a million resources they aggregated for seconds).
--  * attribution_month_sums: a month's lines by provider, currency and status (0 attributed,
--    1 unmanaged, 2 unallocated, 3 uncomputed), every metric summed.
--  * attribution_month_unmanaged: a month's largest unmanaged resources, in the unmanaged list's
--    order (billed cost, largest first, then resource, provider, currency), at most
--    attribution_runs.unmanaged_kept of them: fewer means the month has no more.
-- Both hold for the tenant's current loads named by attribution_runs.loads_digest. A reader uses
-- them only while the tenant's current loads are still those, and sums the rollups otherwise (a
-- sync committed since and its attribution is not computed yet). NULL until the first computation
-- after this migration: until then every reader sums the rollups, as before.
-- A later migration that rewrites cost_monthly_resources or attribution_resources must clear
-- loads_digest.
ALTER TABLE attribution_runs ADD COLUMN loads_digest text, ADD COLUMN unmanaged_kept integer;

CREATE TABLE attribution_month_sums (
    tenant_id         uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    month             date NOT NULL,
    provider          text NOT NULL,
    billing_currency  text NOT NULL,
    status            smallint NOT NULL,
    billed_cost       numeric NOT NULL,
    effective_cost    numeric NOT NULL,
    list_cost         numeric NOT NULL,
    contracted_cost   numeric NOT NULL,
    row_count         bigint NOT NULL
);
CREATE INDEX attribution_month_sums_tenant_month ON attribution_month_sums (tenant_id, month);

CREATE TABLE attribution_month_unmanaged (
    tenant_id         uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    month             date NOT NULL,
    position          integer NOT NULL,
    provider          text NOT NULL,
    service_name      text,
    resource_id       text NOT NULL,
    resource_type     text,
    region_id         text,
    billing_currency  text NOT NULL,
    billed_cost       numeric NOT NULL,
    row_count         bigint NOT NULL,
    PRIMARY KEY (tenant_id, month, position)
);
