-- Banned commenters: by email, by client address hash, or both; until a time or for good.
CREATE TABLE comment_ban (
    id ${id},
    email VARCHAR(254),
    client_address_hash VARCHAR(64),
    reason VARCHAR(200) NOT NULL,
    until_at BIGINT,
    created_by VARCHAR(120) NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX comment_ban_email ON comment_ban (email);
CREATE INDEX comment_ban_address ON comment_ban (client_address_hash);

-- Readers' reports: one per reader (client address hash) per comment.
CREATE TABLE comment_report (
    comment_id BIGINT NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    reporter_key VARCHAR(64) NOT NULL,
    reason VARCHAR(20) NOT NULL CHECK (reason IN ('spam', 'abuse', 'off-topic', 'other')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (comment_id, reporter_key)
);
