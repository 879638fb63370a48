-- A message that cannot be sent waits longer after each attempt (next_attempt_at) and is marked
-- failed (failed_at) after the last one; it is kept for inspection until it is pruned.
ALTER TABLE mail_outbox ADD COLUMN next_attempt_at BIGINT;
ALTER TABLE mail_outbox ADD COLUMN failed_at BIGINT;
-- Where a notification's List-Unsubscribe header points (RFC 8058 one-click); empty for other mail.
ALTER TABLE mail_outbox ADD COLUMN unsubscribe_url VARCHAR(500);

-- Messages that had used up their ten attempts before there was a failed_at.
UPDATE mail_outbox SET failed_at = created_at WHERE sent_at IS NULL AND attempts >= 10;

-- Pruning finds sent mail through mail_outbox_unsent (sent_at, id), failed mail through this one.
CREATE INDEX mail_outbox_failed ON mail_outbox (failed_at);
