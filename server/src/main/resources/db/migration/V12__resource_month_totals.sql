-- Each resource's cost per tenant, month and currency over all of the tenant's sources, with an
-- index per metric in the order a resource view ranks (cost, then resource id): "which resources
-- cost the most this month" reads the first rows of an index, however many resources there are.
-- Rebuilt by each sync (and each source removal) for the months it touched, under a per-tenant lock.
CREATE TABLE cost_resource_month_totals (
    tenant_id           uuid NOT NULL,
    month               date NOT NULL,
    billing_currency    text NOT NULL,
    resource_id         text,
    billed_cost         numeric NOT NULL,
    effective_cost      numeric NOT NULL,
    list_cost           numeric NOT NULL,
    contracted_cost     numeric NOT NULL,
    row_count           bigint NOT NULL
);
CREATE INDEX cost_resource_month_totals_billed ON cost_resource_month_totals
    (tenant_id, month, billing_currency, billed_cost DESC, (coalesce(resource_id, '(none)') COLLATE "C"));
CREATE INDEX cost_resource_month_totals_effective ON cost_resource_month_totals
    (tenant_id, month, billing_currency, effective_cost DESC, (coalesce(resource_id, '(none)') COLLATE "C"));
CREATE INDEX cost_resource_month_totals_list ON cost_resource_month_totals
    (tenant_id, month, billing_currency, list_cost DESC, (coalesce(resource_id, '(none)') COLLATE "C"));
CREATE INDEX cost_resource_month_totals_contracted ON cost_resource_month_totals
    (tenant_id, month, billing_currency, contracted_cost DESC, (coalesce(resource_id, '(none)') COLLATE "C"));

INSERT INTO cost_resource_month_totals (tenant_id, month, billing_currency, resource_id, billed_cost, effective_cost,
                                        list_cost, contracted_cost, row_count)
SELECT tenant_id, month, billing_currency, resource_id, sum(billed_cost), sum(effective_cost), sum(list_cost),
       sum(contracted_cost), sum(row_count)
FROM cost_monthly_resources
GROUP BY 1, 2, 3, 4;
