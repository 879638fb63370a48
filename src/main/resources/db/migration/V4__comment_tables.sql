CREATE TABLE comment (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES comment (id),
    author_name VARCHAR(80) NOT NULL,
    -- Never shown to readers.
    author_email VARCHAR(254),
    body TEXT NOT NULL,
    status VARCHAR(20) NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
    created_at BIGINT NOT NULL,
    -- HMAC of the client address: lets moderators see one source without storing the address.
    client_address_hash VARCHAR(64) NOT NULL
);

-- An article's thread in posting order, and queues by status for the moderation desk.
CREATE INDEX comment_thread ON comment (article_id, status, created_at, id);
CREATE INDEX comment_queue ON comment (status, created_at, id);
CREATE INDEX comment_parent ON comment (parent_id);

-- The key for client_address_hash, made once and shared by every application node.
CREATE TABLE comment_hash_key (
    name VARCHAR(40) PRIMARY KEY,
    secret VARCHAR(128) NOT NULL
);
