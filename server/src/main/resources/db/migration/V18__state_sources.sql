-- State sources: remote backends (S3, GCS, azurerm, or a directory the operator allowed) whose
-- state objects are synced as Terraform states, one per object, named by its key.

CREATE TABLE state_sources (
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id               uuid NOT NULL,
    source_uri       text NOT NULL,
    region           text,
    enabled          boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    last_status      text CHECK (last_status IN ('running', 'ok', 'error')),
    last_error       text,
    last_synced_at   timestamptz,
    last_state_count integer,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, source_uri)
);

CREATE TABLE state_source_runs (
    tenant_id        uuid NOT NULL,
    id               uuid NOT NULL,
    source_id        uuid NOT NULL,
    status           text NOT NULL CHECK (status IN ('queued', 'running', 'ok', 'error')),
    trigger          text NOT NULL CHECK (trigger IN ('scheduled', 'manual')),
    requested_by     text,
    requested_at     timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    objects          integer NOT NULL DEFAULT 0,
    states_pushed    integer NOT NULL DEFAULT 0,
    states_unchanged integer NOT NULL DEFAULT 0,
    states_removed   integer NOT NULL DEFAULT 0,
    error            text,
    warnings         jsonb NOT NULL DEFAULT '[]'::jsonb,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, source_id) REFERENCES state_sources (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX state_source_runs_source ON state_source_runs (tenant_id, source_id, requested_at DESC);
-- At most one waiting or running sync per state source, enforced by the database.
CREATE UNIQUE INDEX state_source_runs_one_active ON state_source_runs (tenant_id, source_id) WHERE status IN ('queued', 'running');

-- Which source a state came from (null: pushed), and the version of the object it was read from
-- (size and modification time), so an unchanged object is not read again.
ALTER TABLE terraform_states ADD COLUMN state_source_id uuid;
ALTER TABLE terraform_states ADD COLUMN source_version text;
ALTER TABLE terraform_states ADD FOREIGN KEY (tenant_id, state_source_id) REFERENCES state_sources (tenant_id, id);
