-- attribution_resources kept a row for every distinct ResourceId of a tenant's bills: the managed ones
-- (a state's instance) and the unmanaged ones, which at a resource per billing line are nearly all of
-- them, about 90 bytes each with the primary key. It now keeps the managed ones only. The unmanaged
-- resources a computation found are its ResourceIds' dictionary ids, sorted, 1,024 to a row; readers
-- hash them all (attribution_unmanaged_keys), as they hashed the rows before. A resource in neither
-- has no answer yet (synced after the last computation).
CREATE TABLE attribution_unmanaged (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    block     integer NOT NULL,
    keys      integer[] NOT NULL,
    PRIMARY KEY (tenant_id, block)
);
COMMENT ON TABLE attribution_unmanaged IS 'the unmanaged resources of the last attribution: billing_strings ids, sorted, 1,024 a row';
ALTER TABLE attribution_unmanaged ALTER COLUMN keys SET STATISTICS 0;

-- unnest in the select list, not LATERAL in FROM: the view is then a relation of its own, which a reader
-- hashes once. As a LATERAL join PostgreSQL could plan "for each block, join its ids to every rollup row"
-- (904 blocks of a 925,000-resource tenant: 904 scans of the month, past the statement timeout).
CREATE VIEW attribution_unmanaged_keys AS
SELECT b.tenant_id, unnest(b.keys) AS resource_key FROM attribution_unmanaged b;

INSERT INTO attribution_unmanaged (tenant_id, block, keys)
SELECT tenant_id, block, array_agg(resource_key ORDER BY resource_key)
FROM (SELECT tenant_id, resource_key, ((row_number() OVER (PARTITION BY tenant_id ORDER BY resource_key) - 1) / 1024)::integer AS block
      FROM attribution_resources WHERE state_id IS NULL) k
GROUP BY tenant_id, block;
DELETE FROM attribution_resources WHERE state_id IS NULL;
ALTER TABLE attribution_resources ALTER COLUMN state_id SET NOT NULL;
COMMENT ON COLUMN attribution_resources.state_id IS 'the state that manages it (unmanaged ones are in attribution_unmanaged)';
