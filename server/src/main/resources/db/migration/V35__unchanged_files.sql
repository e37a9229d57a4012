-- What each sync read, per data file: the version its store gave (ETag, generation, or size and
-- modification time) and the billing periods its rows fell in. A file whose version, loader and
-- source settings are the same as recorded is not read again, and the periods only such files
-- hold keep their load. Written in the load's own transaction, so a record never outlives a
-- rolled-back load.
CREATE TABLE sync_files (
    tenant_id  uuid NOT NULL,
    source_id  uuid NOT NULL,
    file_key   text NOT NULL,
    version    text NOT NULL,
    -- The loader's version and a digest of the source settings that shape its rows: either changed
    -- means the file is read again.
    loader     text NOT NULL,
    periods    date[] NOT NULL,
    read_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source_id, file_key),
    FOREIGN KEY (tenant_id, source_id) REFERENCES billing_sources (tenant_id, id) ON DELETE CASCADE
);

-- A forced run reads every file whatever was recorded.
ALTER TABLE sync_runs ADD COLUMN force boolean NOT NULL DEFAULT false;
-- The periods a run kept because none of their files changed: [{period, rows, files}].
ALTER TABLE sync_runs ADD COLUMN unchanged jsonb NOT NULL DEFAULT '[]'::jsonb;
