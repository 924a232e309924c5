-- Agency articles. Portable SQL: runs on SQLite and PostgreSQL alike.
-- Instants are epoch milliseconds (BIGINT); lists are JSON arrays in TEXT.
CREATE TABLE article (
    id              VARCHAR(200) PRIMARY KEY,
    lang            VARCHAR(35)  NOT NULL,
    translation_key VARCHAR(200) NOT NULL,
    slug            VARCHAR(200) NOT NULL,
    title           TEXT         NOT NULL,
    summary         TEXT,
    body_html       TEXT,
    section         VARCHAR(64),
    categories      TEXT         NOT NULL,
    tags            TEXT         NOT NULL,
    author          TEXT,
    dateline        TEXT,
    image_url       TEXT,
    image_type      VARCHAR(100),
    image_length    BIGINT,
    image_caption   TEXT,
    published_at    BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    embargo_until   BIGINT,
    correction_note TEXT,
    withdraw_reason TEXT,
    revision        INTEGER      NOT NULL,
    stored_at       BIGINT       NOT NULL
);
CREATE UNIQUE INDEX article_lang_slug ON article (lang, slug);
CREATE INDEX article_translation_key ON article (translation_key);
CREATE INDEX article_updated ON article (updated_at);
