-- The four ranking indexes of cost_resource_month_totals end at the metric: a resource view still
-- ranks by cost, then resource id, reading the first index entries and sorting only the ties among
-- them (an incremental sort). Without the resource id in each entry, each index is about half its
-- size: at hundreds of thousands of resources a month, these indexes were most of the store.
DROP INDEX cost_resource_month_totals_billed;
DROP INDEX cost_resource_month_totals_effective;
DROP INDEX cost_resource_month_totals_list;
DROP INDEX cost_resource_month_totals_contracted;
CREATE INDEX cost_resource_month_totals_billed ON cost_resource_month_totals
    (tenant_id, month, billing_currency, billed_cost DESC);
CREATE INDEX cost_resource_month_totals_effective ON cost_resource_month_totals
    (tenant_id, month, billing_currency, effective_cost DESC);
CREATE INDEX cost_resource_month_totals_list ON cost_resource_month_totals
    (tenant_id, month, billing_currency, list_cost DESC);
CREATE INDEX cost_resource_month_totals_contracted ON cost_resource_month_totals
    (tenant_id, month, billing_currency, contracted_cost DESC);
