-- The rollups that grow with a billing period's distinct resources and tags (cost_monthly_resources,
-- cost_daily_tag_sets, cost_daily_tags) become partitioned by set_id. Their rows so far are the
-- partition *_shared (set_id nil), where a period of fewer than STATEGRAPH_SYNC_OWN_ROLLUP_ROWS rows
-- stays and is changed row by row. A larger period is a set of its own: a table attached by the sync
-- that writes it and named current in rollup_sets in the same transaction, which also deletes the
-- rows of the set it replaces; that table is detached and dropped after the commit. Rewriting such a
-- period in place left a dead row per changed resource and the tables settled at about twice their size.
-- Readers are unchanged: they read the parent.
CREATE TABLE rollup_sets (
    rollup          text NOT NULL,
    tenant_id       uuid NOT NULL,
    source_id       uuid NOT NULL,
    billing_period  date NOT NULL,
    set_id          uuid NOT NULL,
    PRIMARY KEY (tenant_id, source_id, billing_period, rollup),
    FOREIGN KEY (tenant_id, source_id) REFERENCES billing_sources (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE cost_monthly_resources RENAME TO cost_monthly_resources_shared;
ALTER INDEX cost_monthly_resources_tenant_month RENAME TO cost_monthly_resources_shared_tenant_month;
ALTER INDEX cost_monthly_resources_source RENAME TO cost_monthly_resources_shared_source;
-- A constant default: no rewrite. The check spares the attach a second scan.
ALTER TABLE cost_monthly_resources_shared ADD COLUMN set_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    ADD CONSTRAINT cost_monthly_resources_shared_set CHECK (set_id = '00000000-0000-0000-0000-000000000000');
CREATE TABLE cost_monthly_resources (LIKE cost_monthly_resources_shared INCLUDING DEFAULTS) PARTITION BY LIST (set_id);
ALTER TABLE cost_monthly_resources ATTACH PARTITION cost_monthly_resources_shared
    FOR VALUES IN ('00000000-0000-0000-0000-000000000000');
-- The shared table's indexes match: they are attached, not built again.
CREATE INDEX cost_monthly_resources_tenant_month ON cost_monthly_resources (tenant_id, month);
CREATE INDEX cost_monthly_resources_source ON cost_monthly_resources (tenant_id, source_id, billing_period);

ALTER TABLE cost_daily_tag_sets RENAME TO cost_daily_tag_sets_shared;
ALTER INDEX cost_daily_tag_sets_tenant_day RENAME TO cost_daily_tag_sets_shared_tenant_day;
ALTER INDEX cost_daily_tag_sets_source RENAME TO cost_daily_tag_sets_shared_source;
ALTER TABLE cost_daily_tag_sets_shared ADD COLUMN set_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    ADD CONSTRAINT cost_daily_tag_sets_shared_set CHECK (set_id = '00000000-0000-0000-0000-000000000000');
CREATE TABLE cost_daily_tag_sets (LIKE cost_daily_tag_sets_shared INCLUDING DEFAULTS) PARTITION BY LIST (set_id);
ALTER TABLE cost_daily_tag_sets ATTACH PARTITION cost_daily_tag_sets_shared
    FOR VALUES IN ('00000000-0000-0000-0000-000000000000');
CREATE INDEX cost_daily_tag_sets_tenant_day ON cost_daily_tag_sets (tenant_id, day);
CREATE INDEX cost_daily_tag_sets_source ON cost_daily_tag_sets (tenant_id, source_id, billing_period);

ALTER TABLE cost_daily_tags RENAME TO cost_daily_tags_shared;
ALTER INDEX cost_daily_tags_tenant_day RENAME TO cost_daily_tags_shared_tenant_day;
ALTER INDEX cost_daily_tags_source RENAME TO cost_daily_tags_shared_source;
ALTER TABLE cost_daily_tags_shared ADD COLUMN set_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    ADD CONSTRAINT cost_daily_tags_shared_set CHECK (set_id = '00000000-0000-0000-0000-000000000000');
CREATE TABLE cost_daily_tags (LIKE cost_daily_tags_shared INCLUDING DEFAULTS) PARTITION BY LIST (set_id);
ALTER TABLE cost_daily_tags ATTACH PARTITION cost_daily_tags_shared
    FOR VALUES IN ('00000000-0000-0000-0000-000000000000');
CREATE INDEX cost_daily_tags_tenant_day ON cost_daily_tags (tenant_id, day, tag_key);
CREATE INDEX cost_daily_tags_source ON cost_daily_tags (tenant_id, source_id, billing_period);
