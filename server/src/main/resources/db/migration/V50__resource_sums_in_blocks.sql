-- cost_monthly_resources kept a row per source, month, resource and dimensions: at a resource per billing
-- line about 250 bytes a line with its indexes (a 28-byte row header, tenant and source, ten text
-- dimensions, four numerics, three index entries), the largest table of a high-cardinality store. The
-- sums are now kept in blocks: one row per source, billing period, month and block of 128 dictionary ids
-- (resource_key >> 7), its entries as parallel arrays sorted by resource, about 50 bytes an entry; the
-- dimensions a resource is narrowed by are a row of cost_resource_dims, named by id in the block.
-- cost_monthly_resources becomes a view with the same columns, so readers that sum a month read it as
-- before; readers that look resources up read the blocks of their ids.
CREATE TABLE cost_resource_dims (
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id               integer GENERATED ALWAYS AS IDENTITY,
    -- the columns below as one record's text (NULL and '' differ there): what a sync looks a combination up by
    key              text NOT NULL,
    provider         text NOT NULL,
    host_provider    text,
    publisher        text,
    invoice_issuer   text,
    service_name     text,
    sub_account_id   text,
    region_id        text,
    resource_type    text,
    charge_category  text,
    billing_currency text NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);
COMMENT ON TABLE cost_resource_dims IS 'the dimensions a resource''s month sums are narrowed by, one row per combination, named by id in cost_resource_blocks';

CREATE TABLE cost_resource_blocks (
    tenant_id       uuid NOT NULL,
    source_id       uuid NOT NULL,
    billing_period  date NOT NULL,
    month           date NOT NULL,
    -- resource_key >> 7 of every entry; -1 for the lines without a ResourceId
    block           integer NOT NULL,
    resource_keys   integer[] NOT NULL,
    dims            integer[] NOT NULL,
    billed_cost     numeric[] NOT NULL,
    effective_cost  numeric[] NOT NULL,
    list_cost       numeric[] NOT NULL,
    contracted_cost numeric[] NOT NULL,
    row_counts      bigint[] NOT NULL,
    PRIMARY KEY (tenant_id, source_id, billing_period, month, block),
    FOREIGN KEY (tenant_id, source_id) REFERENCES billing_sources (tenant_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE cost_resource_blocks IS 'a source''s sums per month and resource, 128 dictionary ids to a row, entries sorted by resource_keys then dims';
CREATE INDEX cost_resource_blocks_month ON cost_resource_blocks (tenant_id, month);
CREATE INDEX cost_resource_blocks_block ON cost_resource_blocks (tenant_id, block);
-- The planner estimates an unnest of a block from resource_keys' statistics; the other arrays' would only cost ANALYZE time.
ALTER TABLE cost_resource_blocks ALTER COLUMN dims SET STATISTICS 0, ALTER COLUMN billed_cost SET STATISTICS 0,
    ALTER COLUMN effective_cost SET STATISTICS 0, ALTER COLUMN list_cost SET STATISTICS 0,
    ALTER COLUMN contracted_cost SET STATISTICS 0, ALTER COLUMN row_counts SET STATISTICS 0;

INSERT INTO cost_resource_dims (tenant_id, key, provider, host_provider, publisher, invoice_issuer, service_name, sub_account_id,
                                region_id, resource_type, charge_category, billing_currency)
SELECT DISTINCT tenant_id,
       (provider, host_provider, publisher, invoice_issuer, service_name, sub_account_id, region_id, resource_type, charge_category,
        billing_currency)::text,
       provider, host_provider, publisher, invoice_issuer, service_name, sub_account_id, region_id, resource_type, charge_category,
       billing_currency
FROM cost_monthly_resources
ORDER BY 1, 2;

INSERT INTO cost_resource_blocks (tenant_id, source_id, billing_period, month, block, resource_keys, dims, billed_cost, effective_cost,
                                  list_cost, contracted_cost, row_counts)
SELECT m.tenant_id, m.source_id, m.billing_period, m.month, coalesce(m.resource_key >> 7, -1),
       array_agg(m.resource_key ORDER BY m.resource_key, d.id), array_agg(d.id ORDER BY m.resource_key, d.id),
       array_agg(m.billed_cost ORDER BY m.resource_key, d.id), array_agg(m.effective_cost ORDER BY m.resource_key, d.id),
       array_agg(m.list_cost ORDER BY m.resource_key, d.id), array_agg(m.contracted_cost ORDER BY m.resource_key, d.id),
       array_agg(m.row_count ORDER BY m.resource_key, d.id)
FROM cost_monthly_resources m
JOIN cost_resource_dims d ON d.tenant_id = m.tenant_id
    AND d.key = (m.provider, m.host_provider, m.publisher, m.invoice_issuer, m.service_name, m.sub_account_id, m.region_id,
                 m.resource_type, m.charge_category, m.billing_currency)::text
GROUP BY 1, 2, 3, 4, 5;

-- The parent takes its partitions (the shared one and every set) with it.
DROP TABLE cost_monthly_resources;
DELETE FROM rollup_sets WHERE rollup = 'cost_monthly_resources';

CREATE VIEW cost_monthly_resources AS
SELECT b.tenant_id, b.source_id, b.billing_period, b.month, d.provider, d.host_provider, d.publisher, d.invoice_issuer, d.service_name,
       d.sub_account_id, d.region_id, e.resource_key, d.billing_currency, e.billed_cost, e.effective_cost, e.list_cost,
       e.contracted_cost, e.row_count, d.resource_type, d.charge_category
FROM cost_resource_blocks b
CROSS JOIN LATERAL unnest(b.resource_keys, b.dims, b.billed_cost, b.effective_cost, b.list_cost, b.contracted_cost, b.row_counts)
    AS e (resource_key, dims, billed_cost, effective_cost, list_cost, contracted_cost, row_count)
JOIN cost_resource_dims d ON d.tenant_id = b.tenant_id AND d.id = e.dims;
COMMENT ON VIEW cost_monthly_resources IS 'cost_resource_blocks a row per source, month, resource and dimensions, as the table of that name held';

-- The attribution's month summaries (V40, V41) stay: the sums they were computed from are the same, moved.

-- Readers join the view to hundreds of thousands of a tenant's ids: planned without statistics, the blocks were taken for a
-- few rows and joined row by row (ResourceBlocks analyzes a sync's large periods for the same reason).
ANALYZE cost_resource_blocks;
ANALYZE cost_resource_dims;
