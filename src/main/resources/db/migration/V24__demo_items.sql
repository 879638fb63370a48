-- What the demo newsroom created, so an admin can remove exactly that and nothing else (demo module).
CREATE TABLE demo_item (
    kind VARCHAR(20) NOT NULL CHECK (kind IN ('section', 'author', 'article', 'tag', 'page')),
    item_id BIGINT NOT NULL,
    PRIMARY KEY (kind, item_id)
);

-- Set once the demo newsroom has been removed: it never loads again by itself, even into an empty database.
CREATE TABLE demo_removal (
    id ${id},
    removed_at BIGINT NOT NULL,
    removed_by VARCHAR(120) NOT NULL,
    -- What was removed and kept, as the admin was told.
    summary TEXT NOT NULL
);
