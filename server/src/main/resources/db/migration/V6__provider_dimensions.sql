-- The provider of a cost is the one its FOCUS rows name (ServiceProviderName, else ProviderName),
-- not the provider a billing source was configured with: one export can hold several. The rollups
-- gain the host provider, publisher and invoice issuer, and are rebuilt from the billing rows so
-- that data loaded before this migration answers the same way as data loaded after it.
-- The configured provider's usual name stands in where a row names no provider at all.

ALTER TABLE cost_daily ADD COLUMN host_provider text, ADD COLUMN publisher text, ADD COLUMN invoice_issuer text;
ALTER TABLE cost_monthly ADD COLUMN host_provider text, ADD COLUMN publisher text, ADD COLUMN invoice_issuer text;
ALTER TABLE cost_daily_tags ADD COLUMN host_provider text, ADD COLUMN publisher text, ADD COLUMN invoice_issuer text;

-- Each file's FOCUS version, counted per run: [{"version": "1.2", "files": 3}].
ALTER TABLE sync_runs ADD COLUMN focus_versions jsonb NOT NULL DEFAULT '[]'::jsonb;

CREATE FUNCTION pg_temp.configured_provider_name(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p WHEN 'aws' THEN 'AWS' WHEN 'gcp' THEN 'Google Cloud' WHEN 'azure' THEN 'Microsoft' ELSE p END
$$;

DELETE FROM cost_daily;
DELETE FROM cost_monthly;
DELETE FROM cost_daily_tags;

INSERT INTO cost_daily (tenant_id, source_id, billing_period, day, provider, host_provider, publisher, invoice_issuer,
                        service_name, service_category, billing_account_id, sub_account_id, region_id, charge_category,
                        billing_currency, billed_cost, effective_cost, list_cost, contracted_cost, row_count)
SELECT r.tenant_id, r.source_id, r.billing_period, (r.charge_period_start AT TIME ZONE 'UTC')::date,
       coalesce(r.service_provider_name, r.provider_name, pg_temp.configured_provider_name(s.provider)),
       r.host_provider_name, r.publisher_name, r.invoice_issuer_name,
       r.service_name, r.service_category, r.billing_account_id, r.sub_account_id, r.region_id, r.charge_category,
       r.billing_currency, sum(r.billed_cost), coalesce(sum(r.effective_cost), 0), coalesce(sum(r.list_cost), 0),
       coalesce(sum(r.contracted_cost), 0), count(*)
FROM billing_rows r JOIN billing_sources s ON s.id = r.source_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15;

INSERT INTO cost_monthly (tenant_id, source_id, billing_period, month, provider, host_provider, publisher, invoice_issuer,
                          service_name, service_category, billing_account_id, sub_account_id, region_id, charge_category,
                          billing_currency, billed_cost, effective_cost, list_cost, contracted_cost, row_count)
SELECT tenant_id, source_id, billing_period, date_trunc('month', day)::date, provider, host_provider, publisher,
       invoice_issuer, service_name, service_category, billing_account_id, sub_account_id, region_id, charge_category,
       billing_currency, sum(billed_cost), sum(effective_cost), sum(list_cost), sum(contracted_cost), sum(row_count)
FROM cost_daily
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15;

INSERT INTO cost_daily_tags (tenant_id, source_id, billing_period, day, provider, host_provider, publisher, invoice_issuer,
                             service_name, billing_currency, tag_key, tag_value, billed_cost, effective_cost, list_cost,
                             contracted_cost, row_count)
SELECT r.tenant_id, r.source_id, r.billing_period, (r.charge_period_start AT TIME ZONE 'UTC')::date,
       coalesce(r.service_provider_name, r.provider_name, pg_temp.configured_provider_name(s.provider)),
       r.host_provider_name, r.publisher_name, r.invoice_issuer_name, r.service_name, r.billing_currency,
       t.key, t.value, sum(r.billed_cost), coalesce(sum(r.effective_cost), 0), coalesce(sum(r.list_cost), 0),
       coalesce(sum(r.contracted_cost), 0), count(*)
FROM billing_rows r JOIN billing_sources s ON s.id = r.source_id
CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(r.tags) = 'object' THEN r.tags ELSE '{}'::jsonb END) t
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;
