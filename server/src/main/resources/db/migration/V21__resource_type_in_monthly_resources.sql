-- The monthly resource rollup keeps each resource's ResourceType, so the unmanaged resources of
-- whole months are listed from it (one row per resource and month) instead of from every billing
-- row. A month's lines that name several types for one ResourceId are kept apart, as every other
-- dimension is. Loads before this migration take the type their current billing rows name for the
-- resource (one of them, when several), read from the chunks' two columns rather than the
-- billing_rows view's every column.
ALTER TABLE cost_monthly_resources ADD COLUMN resource_type text;

UPDATE cost_monthly_resources m
SET resource_type = t.resource_type
FROM (SELECT r.tenant_id, r.source_id, r.billing_period, rid.value AS resource_id, typ.value AS resource_type
      FROM (SELECT c.tenant_id, c.source_id, c.billing_period, u.resource_id, min(u.resource_type) AS resource_type
            FROM (SELECT tenant_id, source_id, billing_period, load_id, resource_id, resource_type FROM billing_chunks
                  UNION ALL
                  SELECT tenant_id, source_id, billing_period, load_id, resource_id, resource_type FROM billing_chunks_small) c
            JOIN billing_loads l ON l.id = c.load_id AND l.state = 'current'
            CROSS JOIN LATERAL unnest(c.resource_id, c.resource_type) AS u (resource_id, resource_type)
            WHERE u.resource_id IS NOT NULL AND u.resource_type IS NOT NULL
            GROUP BY 1, 2, 3, 4) r
      JOIN billing_strings rid ON rid.tenant_id = r.tenant_id AND rid.id = r.resource_id
      JOIN billing_strings typ ON typ.tenant_id = r.tenant_id AND typ.id = r.resource_type) t
WHERE m.tenant_id = t.tenant_id AND m.source_id = t.source_id AND m.billing_period = t.billing_period
  AND m.resource_id = t.resource_id;
