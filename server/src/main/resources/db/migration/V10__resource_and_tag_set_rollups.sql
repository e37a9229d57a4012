-- Two rollups for the views that read billing rows until now, rebuilt by each sync for the billing
-- periods it loads, in the same transaction as the rows (readers always sum, as in cost_daily):
--  * cost_monthly_resources: per month and resource, with the dimensions a resource view can be
--    narrowed by. "Which resources cost the most this month" reads one row per resource, not every
--    billing row.
--  * cost_daily_tag_sets: per day and whole tag set (the row's tags as one JSON object), so any
--    combination of tag filters, and a tag grouping with tag filters, reads a few rows per day.

CREATE TABLE cost_monthly_resources (
    tenant_id           uuid NOT NULL,
    source_id           uuid NOT NULL,
    billing_period      date NOT NULL,
    month               date NOT NULL,
    provider            text NOT NULL,
    host_provider       text,
    publisher           text,
    invoice_issuer      text,
    service_name        text,
    sub_account_id      text,
    region_id           text,
    resource_id         text,
    billing_currency    text NOT NULL,
    billed_cost         numeric NOT NULL,
    effective_cost      numeric NOT NULL,
    list_cost           numeric NOT NULL,
    contracted_cost     numeric NOT NULL,
    row_count           bigint NOT NULL
);
CREATE INDEX cost_monthly_resources_tenant_month ON cost_monthly_resources (tenant_id, month);
CREATE INDEX cost_monthly_resources_source ON cost_monthly_resources (tenant_id, source_id, billing_period);

CREATE TABLE cost_daily_tag_sets (
    tenant_id           uuid NOT NULL,
    source_id           uuid NOT NULL,
    billing_period      date NOT NULL,
    day                 date NOT NULL,
    provider            text NOT NULL,
    host_provider       text,
    publisher           text,
    invoice_issuer      text,
    service_name        text,
    billing_currency    text NOT NULL,
    tags                jsonb NOT NULL,
    billed_cost         numeric NOT NULL,
    effective_cost      numeric NOT NULL,
    list_cost           numeric NOT NULL,
    contracted_cost     numeric NOT NULL,
    row_count           bigint NOT NULL
);
CREATE INDEX cost_daily_tag_sets_tenant_day ON cost_daily_tag_sets (tenant_id, day);
CREATE INDEX cost_daily_tag_sets_source ON cost_daily_tag_sets (tenant_id, source_id, billing_period);

-- V6 may have made it already in this session.
CREATE OR REPLACE FUNCTION pg_temp.configured_provider_name(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p WHEN 'aws' THEN 'AWS' WHEN 'gcp' THEN 'Google Cloud' WHEN 'azure' THEN 'Microsoft' ELSE p END
$$;

-- Data loaded before this migration answers as data loaded after it: both rollups from the current loads' rows.
INSERT INTO cost_monthly_resources (tenant_id, source_id, billing_period, month, provider, host_provider, publisher,
                                    invoice_issuer, service_name, sub_account_id, region_id, resource_id, billing_currency,
                                    billed_cost, effective_cost, list_cost, contracted_cost, row_count)
SELECT r.tenant_id, r.source_id, r.billing_period, date_trunc('month', r.charge_period_start AT TIME ZONE 'UTC')::date,
       coalesce(nullif(r.service_provider_name, ''), nullif(r.provider_name, ''), pg_temp.configured_provider_name(s.provider)),
       r.host_provider_name, r.publisher_name, r.invoice_issuer_name, r.service_name, r.sub_account_id, r.region_id,
       r.resource_id, r.billing_currency, sum(r.billed_cost), coalesce(sum(r.effective_cost), 0),
       coalesce(sum(r.list_cost), 0), coalesce(sum(r.contracted_cost), 0), count(*)
FROM billing_rows r JOIN billing_sources s ON s.id = r.source_id
WHERE r.load_id IN (SELECT id FROM billing_loads WHERE state = 'current')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13;

INSERT INTO cost_daily_tag_sets (tenant_id, source_id, billing_period, day, provider, host_provider, publisher,
                                 invoice_issuer, service_name, billing_currency, tags, billed_cost, effective_cost,
                                 list_cost, contracted_cost, row_count)
SELECT r.tenant_id, r.source_id, r.billing_period, (r.charge_period_start AT TIME ZONE 'UTC')::date,
       coalesce(nullif(r.service_provider_name, ''), nullif(r.provider_name, ''), pg_temp.configured_provider_name(s.provider)),
       r.host_provider_name, r.publisher_name, r.invoice_issuer_name, r.service_name, r.billing_currency,
       CASE WHEN jsonb_typeof(r.tags) = 'object' THEN r.tags ELSE '{}'::jsonb END,
       sum(r.billed_cost), coalesce(sum(r.effective_cost), 0), coalesce(sum(r.list_cost), 0),
       coalesce(sum(r.contracted_cost), 0), count(*)
FROM billing_rows r JOIN billing_sources s ON s.id = r.source_id
WHERE r.load_id IN (SELECT id FROM billing_loads WHERE state = 'current')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;
