-- Which current loads each month's attribution summaries (V40) were summed from: the loads whose
-- charge range overlaps the month. A sync that changes one month (the daily sync rewrites the
-- current one) leaves the other months' summaries in use, and a computation whose answers did not
-- change rewrites only the months whose loads did. They replace attribution_runs.loads_digest, one
-- digest for all of a tenant's months: until a tenant's next computation its readers sum the rollups.
CREATE TABLE attribution_month_digests (
    tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    month         date NOT NULL,
    loads_digest  text NOT NULL,
    PRIMARY KEY (tenant_id, month)
);
ALTER TABLE attribution_runs DROP COLUMN loads_digest;
