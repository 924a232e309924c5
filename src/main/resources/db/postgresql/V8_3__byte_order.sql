-- Text sorts and compares in byte order, as on SQLite (BINARY): feeds are keyset-paged on (published_at, id) and
-- merged in Java by String order, so a database created with a linguistic collation (en_US.UTF-8 sorts "a" before
-- "B", byte order the other way) would page in an order the merge does not expect, and serve other bytes than
-- SQLite. Every text column of karvon's tables gets COLLATE "C"; their indexes are rebuilt in that order.
-- A later migration that adds a text column on PostgreSQL must say COLLATE "C" too (ArticleStoreTest checks every one).
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
