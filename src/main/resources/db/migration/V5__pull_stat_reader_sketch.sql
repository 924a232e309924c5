-- Distinct readers per day, feed and partner as a HyperLogLog sketch (a fixed 3 KB, however many readers), so the
-- count survives restarts and sketches from several flushes or instances merge. Portable SQL (SQLite and PostgreSQL).
ALTER TABLE pull_stat ADD COLUMN reader_sketch BYTEA;
