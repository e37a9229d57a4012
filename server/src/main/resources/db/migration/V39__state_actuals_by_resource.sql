-- A state's actuals join the state's resources with the month's resource rollup. At a resource per line
-- both sides were read whole: the tenant's attribution (no index by state) and the month's rows of
-- cost_monthly_resources (a million at 1M resources, 500 ms). These let PostgreSQL start from the
-- state's few resources and probe the rollup for each.
-- Only managed resources: the unmanaged ones, most of a large tenant's, are never looked up by state.
CREATE INDEX attribution_resources_state ON attribution_resources (tenant_id, state_id) WHERE state_id IS NOT NULL;
-- A hash index keeps 4 bytes of each resource id, not the id (ARNs run to 100 characters).
CREATE INDEX cost_monthly_resources_resource ON cost_monthly_resources USING hash (resource_id);
