-- Invitations and password resets: one-time links sent by e-mail. Only the SHA-256 hash of each
-- link's token is stored; a link works until expires_at, once (used_at), and only the newest of
-- its kind for an account (issuing a new one marks the older ones used).
CREATE TABLE account_link (
    id ${id},
    account_id BIGINT NOT NULL REFERENCES account (id),
    purpose VARCHAR(20) NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE INDEX account_link_account ON account_link (account_id, purpose);

-- Password-reset requests per key (a hashed e-mail address, or a hashed client address) in a
-- fixed window, shared by every node.
CREATE TABLE reset_request_throttle (
    throttle_key VARCHAR(200) PRIMARY KEY,
    requests INTEGER NOT NULL,
    window_started_at BIGINT NOT NULL
);

-- A password reset finds the account by its e-mail address, so no two accounts share one.
CREATE UNIQUE INDEX account_email_unique ON account (lower(email));

-- Mail carrying a one-time link has its body erased once it has been sent.
ALTER TABLE mail_outbox ADD COLUMN secret BOOLEAN NOT NULL DEFAULT FALSE;
