-- What the spam filter made of each comment when it was posted (0 = surely not spam, 1 = surely
-- spam), shown on the desk; empty for comments posted before a model existed, staff comments and
-- imported ones.
ALTER TABLE comment ADD COLUMN spam_score DOUBLE PRECISION;
