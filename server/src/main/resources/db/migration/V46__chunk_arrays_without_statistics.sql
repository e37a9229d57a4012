-- The chunks' arrays get no column statistics. Autovacuum analyzes each new load's table after its
-- sync, and ANALYZE built element statistics (most common elements, distinct counts) of every array:
-- each element of every chunk detoasted and hashed, about 2 CPU-seconds per million rows on 2 cores,
-- competing with the next sync. No query filters on an array itself: the views unnest them first.
-- On billing_chunks the setting reaches every load's table attached now; the sync sets it on each
-- new one (a table made LIKE another does not copy it). The row counts ANALYZE keeps are unchanged.
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN SELECT c.table_name, c.column_name FROM information_schema.columns c
               WHERE c.table_schema = current_schema() AND c.table_name IN ('billing_chunks', 'billing_chunks_small')
                 AND c.data_type = 'ARRAY'
               ORDER BY c.table_name, c.ordinal_position
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET STATISTICS 0', col.table_name, col.column_name);
    END LOOP;
END $$;
