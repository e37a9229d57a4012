-- List-price estimates of Terraform states: a snapshot each time a state or the price book
-- changes, kept so the tenant's estimate can be shown over time. Snapshots are not tied to the
-- state row by a foreign key: removing a state writes a last, "removed" snapshot, and its history stays.

CREATE TABLE estimate_snapshots (
    tenant_id             uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id                    uuid NOT NULL,
    state_id              uuid NOT NULL,
    state_name            text NOT NULL,
    removed               boolean NOT NULL DEFAULT false,
    calculated_at         timestamptz NOT NULL,
    state_updated_at      timestamptz NOT NULL,
    book_loaded_at        timestamptz,
    currency              text NOT NULL DEFAULT 'USD',
    monthly_cost          numeric NOT NULL,
    resource_count        integer NOT NULL,
    supported_count       integer NOT NULL,
    priced_count          integer NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX estimate_snapshots_latest ON estimate_snapshots (tenant_id, state_id, calculated_at DESC);
COMMENT ON COLUMN estimate_snapshots.priced_count IS 'supported instances whose every component has a price';

CREATE TABLE estimate_instances (
    tenant_id     uuid NOT NULL,
    snapshot_id   uuid NOT NULL,
    address       text NOT NULL,
    type          text NOT NULL,
    provider      text NOT NULL,
    region        text,
    supported     boolean NOT NULL,
    no_price      boolean NOT NULL,
    monthly_cost  numeric NOT NULL,
    tags          jsonb NOT NULL,
    components    jsonb NOT NULL,
    PRIMARY KEY (tenant_id, snapshot_id, address),
    FOREIGN KEY (tenant_id, snapshot_id) REFERENCES estimate_snapshots (tenant_id, id) ON DELETE CASCADE
);
