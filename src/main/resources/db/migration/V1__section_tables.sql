-- Sections form a tree; path ("world/defense") is the address and the lookup key.
-- ${id} is an auto-numbered primary key (see DatabaseConfiguration); this file runs on SQLite and PostgreSQL.
CREATE TABLE section (
    id ${id},
    parent_id BIGINT REFERENCES section (id),
    slug VARCHAR(100) NOT NULL,
    name VARCHAR(200) NOT NULL,
    description TEXT NOT NULL,
    path VARCHAR(400) NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX section_parent ON section (parent_id, position);
