-- Items of external sources, and each source's polling state. Portable SQL (SQLite and PostgreSQL).
CREATE TABLE source_item (
    id            VARCHAR(40)  PRIMARY KEY,   -- karvon's own id: hash of source id and original id
    source_id     VARCHAR(64)  NOT NULL,
    original_id   TEXT         NOT NULL,
    url           TEXT,
    external_url  TEXT,
    title         TEXT         NOT NULL,
    summary       TEXT,
    content_html  TEXT,
    image         TEXT,
    published_at  BIGINT       NOT NULL,
    modified_at   BIGINT,
    first_seen    BIGINT       NOT NULL,
    last_seen     BIGINT       NOT NULL,
    language      VARCHAR(35),
    authors       TEXT         NOT NULL,      -- JSON array of {name, url}
    tags          TEXT         NOT NULL,      -- JSON array of strings
    attachments   TEXT         NOT NULL,      -- JSON array of {url, mime_type, size_in_bytes}
    flags         TEXT         NOT NULL,      -- JSON array: date-missing, date-clamped, ...
    canonical_url TEXT,
    text_hash     VARCHAR(64)  NOT NULL,
    duplicate_of  VARCHAR(40)                 -- the first item of the same story from another source
);
CREATE UNIQUE INDEX source_item_origin ON source_item (source_id, original_id);
CREATE INDEX source_item_canonical ON source_item (canonical_url);
CREATE INDEX source_item_text_hash ON source_item (text_hash);
CREATE INDEX source_item_source_published ON source_item (source_id, published_at);

CREATE TABLE source_state (
    source_id       VARCHAR(64) PRIMARY KEY,
    state_json      TEXT        NOT NULL,     -- etag, last-modified, attempts, errors, next attempt, ...
    updated_at      BIGINT      NOT NULL
);
