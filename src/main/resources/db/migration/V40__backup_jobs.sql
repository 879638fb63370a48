-- Backups asked for on the newsroom's backup page, written in the background: the page shows the
-- one being written and how the last ended, from any node. "running" is 1 while one is written and
-- NULL once it ends, so a second cannot start on any node meanwhile (it is unique). The node writing
-- it moves heartbeat_at every few seconds; one left running by a node that stopped is seen by its
-- stale heartbeat and marked failed. Left out of backups (a restored site has none running).
CREATE TABLE backup_job (
    id ${id},
    running INTEGER UNIQUE CHECK (running = 1),
    state VARCHAR(20) NOT NULL CHECK (state IN ('running', 'done', 'failed')),
    started_by BIGINT,
    started_by_name VARCHAR(120) NOT NULL,
    started_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL,
    finished_at BIGINT,
    backup_name VARCHAR(100),
    error VARCHAR(1000)
);
