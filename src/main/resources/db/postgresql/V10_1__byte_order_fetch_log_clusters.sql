-- Text sorts and compares in byte order, as on SQLite (see V8_3): the text columns V9 (fetch_log) and V10
-- (story_cluster) added get COLLATE "C" too (story_cluster pages and links by item_key and published_at order).
-- The same loop as V8_3, so any column still in the database's collation is brought over.
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT c.relname AS tab, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'
          AND a.attnum > 0 AND NOT a.attisdropped AND a.attcollation <> 0
          AND a.attcollation <> (SELECT oid FROM pg_collation WHERE collname = 'C' AND collnamespace = 'pg_catalog'::regnamespace)
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE %s COLLATE "C"', col.tab, col.name, col.type);
    END LOOP;
END
$$;
