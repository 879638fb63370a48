-- Articles whose search entry must be refreshed, written in the transaction of the change. Every
-- node polls this log and applies what it has not seen yet to its own index; old rows are pruned.
CREATE TABLE search_article_change (
    seq ${id},
    article_id BIGINT NOT NULL,
    changed_at BIGINT NOT NULL
);

CREATE INDEX search_article_change_time ON search_article_change (changed_at);
