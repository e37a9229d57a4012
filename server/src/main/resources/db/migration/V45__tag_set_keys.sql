-- cost_daily_tag_sets kept each day's tag set as jsonb, and with tags that vary per resource (autoscaling
-- instances, containers, functions) a tag set per billing line: about 40 % of the table. The same tag
-- set is already in the tenant's JSON dictionary (billing_json), as the billing rows hold it. The
-- rollup now keeps its id, tags_key (4 bytes); NULL for lines without tags. Readers join billing_json
-- for the JSON. A load finds the id by the digest of the text it read; the stored jsonb no longer has
-- that text, so this migration finds each set's id by its JSON value instead (the lowest id when two
-- texts of one tenant parse to the same JSON), through an index it drops again.

-- A tag set the dictionary lacks (none should) is added rather than lost.
INSERT INTO billing_json (tenant_id, digest, value)
SELECT DISTINCT t.tenant_id, dictionary_digest(t.tags::text), t.tags FROM cost_daily_tag_sets t
WHERE t.tags <> '{}'::jsonb AND NOT EXISTS (SELECT 1 FROM billing_json j WHERE j.tenant_id = t.tenant_id AND j.value = t.tags)
ON CONFLICT (tenant_id, digest) DO NOTHING;

CREATE INDEX v45_billing_json_value ON billing_json USING hash (value);
CREATE FUNCTION pg_temp.v45_tags_key(t uuid, v jsonb) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT min(id) FROM billing_json WHERE tenant_id = t AND value = v AND v <> '{}'::jsonb
$$;
-- A change of type rewrites the table (every set partition too): the JSON leaves the pages.
ALTER TABLE cost_daily_tag_sets ALTER COLUMN tags DROP NOT NULL;
ALTER TABLE cost_daily_tag_sets ALTER COLUMN tags TYPE integer USING pg_temp.v45_tags_key(tenant_id, tags);
ALTER TABLE cost_daily_tag_sets RENAME COLUMN tags TO tags_key;
COMMENT ON COLUMN cost_daily_tag_sets.tags_key IS 'billing_json.id of the lines'' Tags; NULL for lines without tags';
DROP INDEX v45_billing_json_value;
