-- Stories that report the same event (issue 18): one row per clustered item, agency article version or source
-- item, naming its cluster. The cluster id derives from the id of the cluster's first story (ClusterIds), so
-- every instance names a cluster alike; a row, once written, is final. Title and summary are the text the
-- clusterer read, so a restarted server rebuilds its recent window from this table alone.
-- Portable SQL (SQLite and PostgreSQL).
CREATE TABLE story_cluster (
    item_key     VARCHAR(210) PRIMARY KEY,   -- 'i:' + source_item.id, or 'a:' + article.id
    cluster_id   VARCHAR(16)  NOT NULL,
    source_id    VARCHAR(64),                -- the source of an item; NULL for the agency's own articles
    story_key    VARCHAR(200),               -- an article's translation key (its versions share one cluster)
    lang         VARCHAR(35),
    url          TEXT,                       -- an item's link
    slug         VARCHAR(200),               -- an article's slug (its link is built from the site's base URL)
    title        TEXT         NOT NULL,
    summary      TEXT         NOT NULL,
    published_at BIGINT       NOT NULL,
    visible_from BIGINT,                     -- public from (embargo lift); NULL: not public (withdrawn)
    clustered_at BIGINT       NOT NULL
);
-- The members of the clusters of one feed page, and of today's clusters.
CREATE INDEX story_cluster_cluster ON story_cluster (cluster_id);
-- Today's clusters (admin page) and the retention purge.
CREATE INDEX story_cluster_published ON story_cluster (published_at);
-- Rows written by other instances since the last look, and the window rebuilt at start.
CREATE INDEX story_cluster_clustered ON story_cluster (clustered_at);
CREATE INDEX story_cluster_story ON story_cluster (story_key);
