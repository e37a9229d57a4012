-- Control plane: tenants, people and keys, billing sources, sync runs, audit.
-- Every tenant-owned table leads its key and main indexes with tenant_id so the
-- tables can later be distributed by tenant without a schema change.

CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenants_name_unique UNIQUE (name)
);

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          text,
    name           text NOT NULL,
    password_hash  text,
    is_admin       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email)) WHERE email IS NOT NULL;

CREATE TABLE tenant_members (
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('admin', 'member')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX tenant_members_user ON tenant_members (user_id);

-- A key belongs either to a user (it acts as that user) or to a tenant with a role.
CREATE TABLE api_keys (
    id          uuid PRIMARY KEY,
    tenant_id   uuid REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     uuid REFERENCES users (id) ON DELETE CASCADE,
    name        text NOT NULL,
    role        text CHECK (role IN ('admin', 'member')),
    key_hash    text NOT NULL,
    key_prefix  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    CONSTRAINT api_keys_owner CHECK ((tenant_id IS NULL) <> (user_id IS NULL)),
    CONSTRAINT api_keys_tenant_role CHECK (tenant_id IS NULL OR role IS NOT NULL),
    CONSTRAINT api_keys_hash_unique UNIQUE (key_hash)
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id, created_at);

CREATE TABLE billing_sources (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    provider        text NOT NULL CHECK (provider IN ('aws', 'gcp', 'azure')),
    source_uri      text NOT NULL,
    region          text,
    window_months   integer NOT NULL CHECK (window_months BETWEEN 1 AND 36),
    enabled         boolean NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    last_status     text,
    last_error      text,
    last_synced_at  timestamptz,
    last_row_count  bigint,
    CONSTRAINT billing_sources_unique UNIQUE (tenant_id, provider, source_uri)
);

CREATE TABLE sync_runs (
    id            uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL,
    source_id     uuid NOT NULL REFERENCES billing_sources (id) ON DELETE CASCADE,
    status        text NOT NULL CHECK (status IN ('queued', 'running', 'ok', 'error')),
    trigger       text NOT NULL CHECK (trigger IN ('scheduled', 'manual', 'backfill')),
    requested_by  text,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    window_start  date,
    window_end    date,
    files         integer NOT NULL DEFAULT 0,
    bytes         bigint NOT NULL DEFAULT 0,
    rows          bigint NOT NULL DEFAULT 0,
    error         text,
    warnings      jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX sync_runs_source ON sync_runs (tenant_id, source_id, requested_at DESC);
-- At most one waiting or running sync per source, enforced by the database.
CREATE UNIQUE INDEX sync_runs_one_active ON sync_runs (source_id) WHERE status IN ('queued', 'running');

CREATE TABLE audit_log (
    id           bigserial PRIMARY KEY,
    tenant_id    uuid,
    actor_type   text NOT NULL,
    actor_id     uuid,
    actor_name   text,
    action       text NOT NULL,
    target_type  text NOT NULL,
    target_id    uuid,
    detail       jsonb NOT NULL DEFAULT '{}'::jsonb,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_tenant ON audit_log (tenant_id, at DESC);
