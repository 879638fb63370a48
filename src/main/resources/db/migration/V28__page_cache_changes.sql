-- The cache tags of every change to what public pages show, written in the transaction of the change
-- by the node that made it (origin). Every other node follows this log and drops the cached responses
-- carrying any of those tags; old rows are pruned.
CREATE TABLE page_cache_change (
    seq ${id},
    origin VARCHAR(40) NOT NULL,
    tags VARCHAR(8000) NOT NULL,
    changed_at BIGINT NOT NULL
);

CREATE INDEX page_cache_change_time ON page_cache_change (changed_at);
