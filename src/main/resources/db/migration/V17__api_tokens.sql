-- Personal access tokens for the JSON API (owned by the api module). Only a SHA-256 hash of the
-- secret is kept; the short prefix lets a user recognise a token in the list.
CREATE TABLE api_token (
    id ${id},
    account_id BIGINT NOT NULL REFERENCES account (id),
    name VARCHAR(100) NOT NULL,
    secret_hash CHAR(64) NOT NULL UNIQUE,
    prefix VARCHAR(20) NOT NULL,
    scopes VARCHAR(200) NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    expires_at BIGINT,
    revoked_at BIGINT
);

CREATE INDEX api_token_account ON api_token (account_id);
