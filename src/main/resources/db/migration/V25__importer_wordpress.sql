-- WordPress import. Each imported thing, keyed by the WordPress site it came from, its kind
-- (section, tag, author, account, story, page, comment, attachment) and its WordPress id, points
-- at what it became here: a second run of the same export finds everything already done.
CREATE TABLE wp_import_item (
    site VARCHAR(300) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    wp_id VARCHAR(200) NOT NULL,
    -- What it became (0 when nothing was made here, e.g. an attachment without its file).
    target_id BIGINT NOT NULL,
    guid VARCHAR(1000),
    -- For attachments: the post they belong to and their original address.
    parent_wp_id VARCHAR(40),
    source_url VARCHAR(1000),
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (site, kind, wp_id)
);

CREATE INDEX wp_import_item_guid ON wp_import_item (site, kind, guid);
CREATE INDEX wp_import_item_parent ON wp_import_item (site, kind, parent_wp_id);

-- Old WordPress addresses (path, with the query for /?p=ID) answer 301 to what they became.
CREATE TABLE wp_redirect (
    old_path VARCHAR(1000) PRIMARY KEY,
    target_kind VARCHAR(20) NOT NULL,
    target_id BIGINT NOT NULL
);

-- Imports started from the admin page: progress and report, readable from any node.
CREATE TABLE wp_import_job (
    id ${id},
    file_name VARCHAR(300) NOT NULL,
    dry_run BOOLEAN NOT NULL,
    create_accounts BOOLEAN NOT NULL,
    state VARCHAR(20) NOT NULL CHECK (state IN ('queued', 'checking', 'importing', 'done', 'failed')),
    total_items BIGINT NOT NULL DEFAULT 0,
    done_items BIGINT NOT NULL DEFAULT 0,
    started_by BIGINT,
    started_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT,
    error VARCHAR(1000),
    report TEXT
);
