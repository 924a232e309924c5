-- The last fetches of each source (issue 14: the admin's page per source), newest first. Bounded: the store
-- keeps the newest 50 per source and deletes older rows as it writes. Portable SQL (SQLite and PostgreSQL).
CREATE TABLE fetch_log (
    source_id     VARCHAR(200) NOT NULL,
    fetched_at    BIGINT       NOT NULL,   -- epoch millis, when the fetch started
    duration_ms   BIGINT       NOT NULL,
    http_status   INTEGER      NOT NULL,   -- 0: no HTTP answer (network, timeout, blocked address)
    bytes         BIGINT       NOT NULL,   -- body size after decompression; -1: no body read
    items_new     INTEGER      NOT NULL,
    items_updated INTEGER      NOT NULL,
    notes         TEXT,                    -- what parsing repaired or noticed
    error         TEXT
);
CREATE INDEX fetch_log_source ON fetch_log (source_id, fetched_at);
