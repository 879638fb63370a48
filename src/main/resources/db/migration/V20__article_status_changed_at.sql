-- When a story last went out or came down (published, scheduled, unpublished, expired, embargoed or
-- lifted): feeds and sitemaps take it into their Last-Modified, since a story leaving a list leaves
-- no other trace. NULL until the first such change.
ALTER TABLE article ADD COLUMN status_changed_at BIGINT;

-- Site-wide "when did a story last come out or down" reads the latest of each of these by index.
CREATE INDEX article_status_changed ON article (status_changed_at);
CREATE INDEX article_expires ON article (expires_at);
CREATE INDEX article_embargo ON article (embargo_until);
