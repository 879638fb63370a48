-- Several app nodes send from one outbox: a node claims a message for a short lease before sending
-- it, so two nodes never send the same message, and a node that dies mid-send only delays it.
ALTER TABLE mail_outbox ADD COLUMN claimed_until BIGINT;
