-- The moderation desk: why a comment was held or refused, who decided, and when.
ALTER TABLE comment ADD COLUMN reasons TEXT NOT NULL DEFAULT '';
ALTER TABLE comment ADD COLUMN moderated_at BIGINT;
ALTER TABLE comment ADD COLUMN moderated_by VARCHAR(120);
ALTER TABLE comment ADD COLUMN rejection_reason VARCHAR(200);
ALTER TABLE comment ADD COLUMN featured BOOLEAN NOT NULL DEFAULT FALSE;

-- A commenter's history (approved / rejected counts, repeats, floods) is looked up by email and by address.
CREATE INDEX comment_by_email ON comment (author_email, created_at);
CREATE INDEX comment_by_address ON comment (client_address_hash, created_at);
-- Queues filtered by article, newest first.
CREATE INDEX comment_article_queue ON comment (article_id, status, created_at, id);

-- Moderation policy overrides per section or per article (the site default is a setting).
CREATE TABLE comment_policy (
    scope VARCHAR(20) NOT NULL CHECK (scope IN ('section', 'article')),
    scope_id BIGINT NOT NULL,
    moderation VARCHAR(20) CHECK (moderation IN ('pre', 'post', 'new-commenters')),
    close_after_days INTEGER,
    PRIMARY KEY (scope, scope_id)
);

-- Word lists and thresholds the desk edits, shared by every node.
CREATE TABLE moderation_setting (
    name VARCHAR(60) PRIMARY KEY,
    value TEXT NOT NULL
);
