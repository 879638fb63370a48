-- Rate limits shared by every node: one Bucket4j token bucket per limit and client (a keyed hash,
-- never the address), written back only if unchanged since it was read. Rows past expires_at would
-- be full again and are deleted.
CREATE TABLE rate_limit_bucket (
    id VARCHAR(100) PRIMARY KEY,
    state ${blob} NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX rate_limit_bucket_expiry ON rate_limit_bucket (expires_at);
