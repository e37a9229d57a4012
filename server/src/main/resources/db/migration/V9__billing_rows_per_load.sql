-- Each load (one source's billing period, as one sync read it) gets a table of its own, attached
-- to billing_rows as a list partition on load_id. A sync writes the new load's table, attaches it
-- when it commits and drops the replaced load's table after: replacing an export leaves no deleted
-- rows behind, whenever autovacuum runs. Queries read the current loads only, by load id.

ALTER TABLE billing_rows RENAME TO billing_rows_by_period;
ALTER INDEX billing_rows_load RENAME TO billing_rows_by_period_load;

CREATE TABLE billing_rows (LIKE billing_rows_by_period INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (load_id);

DO $$
DECLARE
    l record;
    t text;
BEGIN
    FOR l IN SELECT id FROM billing_loads WHERE state = 'current' AND row_count > 0 LOOP
        t := 'billing_rows_' || replace(l.id::text, '-', '');
        EXECUTE format('CREATE TABLE %I (LIKE billing_rows INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', t);
        EXECUTE format('INSERT INTO %I SELECT * FROM billing_rows_by_period WHERE load_id = %L', t, l.id);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (load_id = %L)', t, t || '_load', l.id);
        EXECUTE format('ALTER TABLE billing_rows ATTACH PARTITION %I FOR VALUES IN (%L)', t, l.id);
    END LOOP;
END $$;

DROP TABLE billing_rows_by_period;
