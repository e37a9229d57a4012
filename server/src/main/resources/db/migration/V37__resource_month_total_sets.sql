-- A month's resource totals of many resources (STATEGRAPH_SYNC_OWN_TABLE_ROWS or more) are a set of
-- their own: a table attached to cost_resource_month_totals_large, written whole by the sync that
-- rebuilds the month and named current here in the same transaction; the set it replaces is detached
-- and dropped after the commit. Rewriting such a month in place left a dead row per changed resource,
-- and the table settled at twice its size; a dropped table gives its space back at once. Months of
-- fewer resources stay in cost_resource_month_totals, changed row by row.
CREATE TABLE resource_month_total_sets (
    tenant_id   uuid NOT NULL,
    month       date NOT NULL,
    set_id      uuid NOT NULL,
    PRIMARY KEY (tenant_id, month)
);

CREATE TABLE cost_resource_month_totals_large (
    tenant_id           uuid NOT NULL,
    set_id              uuid NOT NULL,
    billing_currency    text NOT NULL,
    resource_id         text,
    billed_cost         numeric NOT NULL,
    effective_cost      numeric NOT NULL,
    list_cost           numeric NOT NULL,
    contracted_cost     numeric NOT NULL,
    row_count           bigint NOT NULL
) PARTITION BY LIST (set_id);
CREATE INDEX cost_resource_month_totals_large_billed ON cost_resource_month_totals_large
    (set_id, billing_currency, billed_cost DESC);
CREATE INDEX cost_resource_month_totals_large_effective ON cost_resource_month_totals_large
    (set_id, billing_currency, effective_cost DESC);
CREATE INDEX cost_resource_month_totals_large_list ON cost_resource_month_totals_large
    (set_id, billing_currency, list_cost DESC);
CREATE INDEX cost_resource_month_totals_large_contracted ON cost_resource_month_totals_large
    (set_id, billing_currency, contracted_cost DESC);
