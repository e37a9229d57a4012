-- How many times a run was started: more than once means its server died under it and another
-- start (a revival) took it up. Revivals count as attempts, so a sync that crashes its server
-- stops at STATEGRAPH_SYNC_MAX_ATTEMPTS instead of being revived for ever.
ALTER TABLE sync_runs ADD COLUMN starts integer NOT NULL DEFAULT 0;
