-- Walking a thread from a comment to its approved replies (the recursive queries of the article
-- page): without it SQLite answered each step by scanning every approved comment of the site.
CREATE INDEX comment_replies ON comment (parent_id, status);
