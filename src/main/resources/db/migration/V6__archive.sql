-- The archive served from the store (issue 11): feeds, pages and sitemaps are queries with an index behind
-- them, and every change leaves a row in change_log for the servers that follow it. Portable SQL (SQLite and
-- PostgreSQL); V6_1 (Java) fills seq and article_label for articles stored before this migration.

-- Insertion order, 1, 2, 3 …: sitemap files are ranges of it, so a file's URLs never move to another file.
ALTER TABLE article ADD COLUMN seq BIGINT;
CREATE UNIQUE INDEX article_seq ON article (seq);

-- A feed in one language, newest first, keyset-paged on (published_at, id).
CREATE INDEX article_lang_published ON article (lang, published_at DESC, id);
-- A feed of every language (language: all), the same order; replaces V4's single-column index.
CREATE INDEX article_published_id ON article (published_at DESC, id);
DROP INDEX article_published;
-- The next embargo lift (cached feeds expire then) and the tombstones of private feeds.
CREATE INDEX article_embargo ON article (embargo_until) WHERE embargo_until IS NOT NULL;
CREATE INDEX article_withdrawn ON article (updated_at) WHERE status = 'withdrawn';

-- An article's categories (kind 'c', what feeds call sections) and tags (kind 't'), one row each, so a feed
-- on a rare section reads that section's articles instead of scanning a language for them.
CREATE TABLE article_label (
    article_id   VARCHAR(200) NOT NULL,
    kind         CHAR(1)      NOT NULL,
    label        VARCHAR(200) NOT NULL,
    published_at BIGINT       NOT NULL,   -- a copy of article.published_at, for the index order
    PRIMARY KEY (article_id, kind, label)
);
CREATE INDEX article_label_feed ON article_label (kind, label, published_at DESC, article_id);

-- Every stored change, in commit order: what the changed article versions looked like before and after
-- (language, sections, tags, text, seq), as a JSON array. A server polls it to invalidate only the feeds and
-- sitemap files concerned, whichever process wrote (CMS API, import, another instance).
CREATE TABLE change_log (
    seq        BIGINT PRIMARY KEY,
    changed_at BIGINT NOT NULL,
    facets     TEXT   NOT NULL
);
CREATE INDEX change_log_changed_at ON change_log (changed_at);
