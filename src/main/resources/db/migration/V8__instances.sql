-- Several instances on one database (issue 13). Portable SQL (SQLite and PostgreSQL); V8_1 (Java) fills the new
-- source_state columns from state_json, and db/postgresql/V8_2 adds change notifications.

-- Leased polling: what claims read and write, as columns; state_json keeps the rest of a source's state (validators,
-- failures, 410 and 301 memory), shared by every instance.
ALTER TABLE source_state ADD COLUMN host VARCHAR(255);                 -- per_host_concurrency counts leases by host
ALTER TABLE source_state ADD COLUMN active SMALLINT NOT NULL DEFAULT 1; -- 0: no longer configured (state kept)
ALTER TABLE source_state ADD COLUMN next_attempt BIGINT;               -- epoch millis; NULL: never (410 Gone)
ALTER TABLE source_state ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0;   -- +1 whenever the state starts afresh
ALTER TABLE source_state ADD COLUMN lease_owner VARCHAR(100);          -- the instance polling it now
ALTER TABLE source_state ADD COLUMN lease_until BIGINT;                -- when that lease ends unless renewed
ALTER TABLE source_state ADD COLUMN refresh_at BIGINT;                 -- a refresh asked for while it was polled
CREATE INDEX source_state_due ON source_state (active, next_attempt);
CREATE INDEX source_state_lease ON source_state (lease_until);

-- Source items changed (JSON array of source ids): every instance renders the feeds that merge them again.
ALTER TABLE change_log ADD COLUMN sources TEXT;

-- Every instance that runs or ran on this database: its heartbeat and the SHA-256 of the feeds.yml it serves.
CREATE TABLE instance (
    id            VARCHAR(100) PRIMARY KEY,
    host          VARCHAR(255) NOT NULL,
    started_at    BIGINT       NOT NULL,
    seen_at       BIGINT       NOT NULL,
    config_sha256 VARCHAR(64)  NOT NULL
);

-- Validators of each feed's first page, shared, so every instance sends the same Last-Modified with the same bytes.
CREATE TABLE feed_version (
    feed_key      VARCHAR(200) PRIMARY KEY,   -- feed id and extension, e.g. uz.rss
    etag          VARCHAR(100) NOT NULL,
    last_modified BIGINT       NOT NULL
);
