-- A month's resource totals (cost_resource_month_totals, and since V37 a month of many resources as a
-- set of cost_resource_month_totals_large) held a row per resource and month with four indexes, the
-- same resources cost_monthly_resources already holds per source: at a resource per billing line they
-- were the largest table of the store (335 bytes a line) and much of a sync's time. They served one
-- question: a month's largest resources, unfiltered, at most 1,000 of them (the API's largest limit).
-- So a month now keeps just that answer: per currency and metric, its 1,000 largest resources in the
-- view's order (cost, largest first, then resource id in byte order, a missing id as '(none)'), each
-- with its line count for "other". Written by the sync that rebuilds the month, in its transaction.
CREATE TABLE cost_month_top_resources (
    tenant_id           uuid NOT NULL,
    month               date NOT NULL,
    billing_currency    text NOT NULL,
    metric              text NOT NULL,
    position            integer NOT NULL,
    resource_id         text,
    cost                numeric NOT NULL,
    row_count           bigint NOT NULL,
    PRIMARY KEY (tenant_id, month, billing_currency, metric, position)
);
COMMENT ON COLUMN cost_month_top_resources.metric IS 'the cost column ranked by: billed_cost, effective_cost, list_cost or contracted_cost';

-- The totals of every month so far, current sets only (a retired set waits to be dropped).
CREATE TEMPORARY TABLE v42_totals ON COMMIT DROP AS
SELECT tenant_id, month, billing_currency, resource_id, billed_cost, effective_cost, list_cost, contracted_cost, row_count
FROM cost_resource_month_totals
UNION ALL
SELECT s.tenant_id, s.month, l.billing_currency, l.resource_id, l.billed_cost, l.effective_cost, l.list_cost, l.contracted_cost,
       l.row_count
FROM cost_resource_month_totals_large l JOIN resource_month_total_sets s ON s.set_id = l.set_id;

INSERT INTO cost_month_top_resources (tenant_id, month, billing_currency, metric, position, resource_id, cost, row_count)
SELECT tenant_id, month, billing_currency, metric, position, resource_id, cost, row_count
FROM (SELECT t.tenant_id, t.month, t.billing_currency, m.metric, t.resource_id, m.cost, t.row_count,
             row_number() OVER (PARTITION BY t.tenant_id, t.month, t.billing_currency, m.metric
                                ORDER BY m.cost DESC, coalesce(t.resource_id, '(none)') COLLATE "C") AS position
      FROM v42_totals t
      CROSS JOIN LATERAL (VALUES ('billed_cost', t.billed_cost), ('effective_cost', t.effective_cost),
                                 ('list_cost', t.list_cost), ('contracted_cost', t.contracted_cost)) AS m (metric, cost)) ranked
WHERE position <= 1000;

DROP TABLE cost_resource_month_totals, cost_resource_month_totals_large, resource_month_total_sets;

-- A replaced set detached but not yet dropped (a server stopped between the two) is a table of its own.
DO $$
DECLARE t record;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
             AND c.relname LIKE 'cost\_resource\_totals\_%'
    LOOP
        EXECUTE format('DROP TABLE %I', t.relname);
    END LOOP;
END $$;
