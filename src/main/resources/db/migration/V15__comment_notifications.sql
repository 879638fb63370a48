-- Reply notifications: a commenter opts in on the form and can unsubscribe with one click.
ALTER TABLE comment ADD COLUMN notify_replies BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE comment ADD COLUMN unsubscribe_token VARCHAR(64);
CREATE INDEX comment_unsubscribe ON comment (unsubscribe_token);

-- Mail waiting to be sent: written in the transaction that caused it, sent by a scheduler, so a
-- reader's request never waits for SMTP and nothing is lost if a node stops.
CREATE TABLE mail_outbox (
    id ${id},
    kind VARCHAR(30) NOT NULL,
    recipient VARCHAR(254) NOT NULL,
    subject VARCHAR(300) NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error VARCHAR(500)
);

CREATE INDEX mail_outbox_unsent ON mail_outbox (sent_at, id);
CREATE INDEX mail_outbox_kind ON mail_outbox (kind, created_at);
