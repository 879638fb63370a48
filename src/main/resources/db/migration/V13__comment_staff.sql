-- A comment written by a signed-in newsroom account carries a staff badge.
ALTER TABLE comment ADD COLUMN staff_account_id BIGINT;
