-- The spam filter's models, newest version first: every node scores with the newest it has read.
CREATE TABLE spam_model (
    version BIGINT PRIMARY KEY,
    trained_at BIGINT NOT NULL,
    spam_examples INTEGER NOT NULL,
    ham_examples INTEGER NOT NULL,
    likely_threshold DOUBLE PRECISION NOT NULL,
    hold_threshold DOUBLE PRECISION NOT NULL,
    hold_false_positive_rate DOUBLE PRECISION NOT NULL,
    hold_f1 DOUBLE PRECISION NOT NULL,
    likely_f1 DOUBLE PRECISION NOT NULL,
    weights ${blob} NOT NULL
);

-- Labelled comments an admin gave the filter (a CSV of COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS),
-- learned from with the moderators' own decisions.
CREATE TABLE spam_example (
    id ${id},
    external_id VARCHAR(200) NOT NULL,
    author VARCHAR(200) NOT NULL,
    content TEXT NOT NULL,
    spam BOOLEAN NOT NULL,
    added_at BIGINT NOT NULL
);

-- One node trains at a time: it holds this claim until its training is done or the claim runs out
-- (the row is made by the first claim, so a restored backup brings its own).
CREATE TABLE spam_training_claim (
    name VARCHAR(20) PRIMARY KEY,
    claimed_until BIGINT NOT NULL
);

-- Decisions by moderators, newest first: the filter's training examples.
CREATE INDEX comment_decisions ON comment (moderated_at, status);
