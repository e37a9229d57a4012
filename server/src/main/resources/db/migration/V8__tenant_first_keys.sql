-- Every table of tenant data leads its primary key, its unique indexes and its foreign keys with
-- tenant_id, so the tables can be distributed by tenant (Citus: docs/scaling.md) and joins between
-- them stay on one node. The ids stay random UUIDs; only what the database enforces changes.

ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_source_id_fkey;
ALTER TABLE billing_loads DROP CONSTRAINT billing_loads_source_id_fkey;
ALTER TABLE billing_loads DROP CONSTRAINT billing_loads_run_id_fkey;

ALTER TABLE billing_sources DROP CONSTRAINT billing_sources_pkey;
ALTER TABLE billing_sources ADD CONSTRAINT billing_sources_pkey PRIMARY KEY (tenant_id, id);
ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_pkey;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_pkey PRIMARY KEY (tenant_id, id);
ALTER TABLE billing_loads DROP CONSTRAINT billing_loads_pkey;
ALTER TABLE billing_loads ADD CONSTRAINT billing_loads_pkey PRIMARY KEY (tenant_id, id);

ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_source_fkey
    FOREIGN KEY (tenant_id, source_id) REFERENCES billing_sources (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE billing_loads ADD CONSTRAINT billing_loads_source_fkey
    FOREIGN KEY (tenant_id, source_id) REFERENCES billing_sources (tenant_id, id) ON DELETE CASCADE;
-- Runs and loads go together when their source is removed; a run that loads point to is never removed alone.
ALTER TABLE billing_loads ADD CONSTRAINT billing_loads_run_fkey
    FOREIGN KEY (tenant_id, run_id) REFERENCES sync_runs (tenant_id, id);

DROP INDEX sync_runs_one_active;
CREATE UNIQUE INDEX sync_runs_one_active ON sync_runs (tenant_id, source_id) WHERE status IN ('queued', 'running');
DROP INDEX billing_loads_one_current;
CREATE UNIQUE INDEX billing_loads_one_current ON billing_loads (tenant_id, source_id, billing_period) WHERE state = 'current';

ALTER TABLE tenant_invitations DROP CONSTRAINT tenant_invitations_id_key;
ALTER TABLE tenant_invitations ADD CONSTRAINT tenant_invitations_id_unique UNIQUE (tenant_id, id);
