-- Commenters' e-mail addresses are kept as typed and matched without regard to case (bans, floods,
-- repeats and a commenter's history), so the indexes are on the lower-cased address.
DROP INDEX comment_by_email;
CREATE INDEX comment_by_email ON comment (LOWER(author_email), created_at);
DROP INDEX comment_ban_email;
CREATE INDEX comment_ban_email ON comment_ban (LOWER(email));
