-- When a story last went out or came down (published, scheduled, unpublished, expired, embargoed or
-- lifted): feeds and sitemaps take it into their Last-Modified, since a story leaving a list leaves
-- no other trace. NULL until the first such change.
ALTER TABLE article ADD COLUMN status_changed_at BIGINT;
