-- Attribution of billing lines to the Terraform-managed resources they were charged for. Lines are
-- attributed by their ResourceId: each distinct ResourceId of a tenant's bills is matched once
-- against the identifiers of its states' resource instances, and every line with that ResourceId
-- takes the answer. A line without a ResourceId is unallocated; one whose ResourceId has no row
-- here was loaded after the last attribution (uncomputed).

CREATE TABLE attribution_resources (
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    resource_id  text NOT NULL,
    state_id     uuid,
    address      text,
    PRIMARY KEY (tenant_id, resource_id)
);
COMMENT ON COLUMN attribution_resources.state_id IS 'null: no state manages it (unmanaged)';

-- When each tenant's attribution was last asked for and last computed, and by which matcher.
CREATE TABLE attribution_runs (
    tenant_id        uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    requested_at     timestamptz NOT NULL,
    computed_at      timestamptz,
    computed_for     timestamptz,
    matcher_version  integer,
    resource_ids     integer
);
COMMENT ON COLUMN attribution_runs.computed_for IS 'the requested_at the last computation answered';
