-- Indexes for the queries feeds and the purge run (portable SQL: SQLite and PostgreSQL).
-- Newest articles for the snapshot every feed is drawn from.
CREATE INDEX article_published ON article (published_at);
-- Copies folded into another source's item (recent() and alsoCarriedBy on every render of a merged feed).
CREATE INDEX source_item_duplicate_of ON source_item (duplicate_of);
-- The retention purge.
CREATE INDEX source_item_last_seen ON source_item (last_seen);
