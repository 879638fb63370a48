-- A reader's request to export or erase their comments: the e-mailed link's token (stored as a
-- hash, so the table holds no working link), for the address it was sent to, valid until expires_at.
CREATE TABLE comment_privacy_request (
    token_hash VARCHAR(64) PRIMARY KEY,
    email VARCHAR(254) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX comment_privacy_request_email ON comment_privacy_request (LOWER(email), created_at);

-- An erased comment that others had replied to stays as a placeholder, so the replies keep their
-- place in the thread; its author's name, text, address and e-mail are gone.
ALTER TABLE comment ADD COLUMN erased_at BIGINT;
