-- Old addresses of renamed or moved sections keep answering with a redirect.
CREATE TABLE section_retired_path (
    path VARCHAR(400) PRIMARY KEY,
    section_id BIGINT NOT NULL REFERENCES section (id)
);
