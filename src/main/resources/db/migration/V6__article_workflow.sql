-- The editorial workflow: who made a story, search-engine overrides, embargo and expiry.
ALTER TABLE article ADD COLUMN created_by BIGINT REFERENCES account (id);
ALTER TABLE article ADD COLUMN seo_title VARCHAR(300);
ALTER TABLE article ADD COLUMN seo_description VARCHAR(500);
-- Invisible everywhere until this moment, even when published.
ALTER TABLE article ADD COLUMN embargo_until BIGINT;
-- Taken down at this moment.
ALTER TABLE article ADD COLUMN expires_at BIGINT;
ALTER TABLE article ADD COLUMN lead_image_id BIGINT;

CREATE INDEX article_updated ON article (updated_at, id);

-- Sections a story appears in besides its primary one.
CREATE TABLE article_section (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    section_id BIGINT NOT NULL REFERENCES section (id),
    PRIMARY KEY (article_id, section_id)
);

CREATE INDEX article_section_by_section ON article_section (section_id, article_id);

-- Every save keeps the story as it was saved, with who saved it and when.
CREATE TABLE article_revision (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    slug VARCHAR(100) NOT NULL,
    headline VARCHAR(300) NOT NULL,
    standfirst TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    section_id BIGINT NOT NULL,
    seo_title VARCHAR(300),
    seo_description VARCHAR(500),
    saved_by BIGINT REFERENCES account (id),
    saved_by_name VARCHAR(120) NOT NULL,
    saved_at BIGINT NOT NULL,
    note VARCHAR(200) NOT NULL,
    UNIQUE (article_id, version)
);

-- Corrections and update notes, shown on the story and on /corrections.
CREATE TABLE article_correction (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    kind VARCHAR(20) NOT NULL CHECK (kind IN ('correction', 'update')),
    body TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    created_by BIGINT REFERENCES account (id)
);

CREATE INDEX article_correction_newest ON article_correction (published_at, id);
CREATE INDEX article_correction_by_article ON article_correction (article_id, published_at);

-- Staff-only notes on a story, threaded and resolvable. Never shown publicly.
CREATE TABLE editorial_note (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES editorial_note (id),
    account_id BIGINT REFERENCES account (id),
    author_name VARCHAR(120) NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_by_name VARCHAR(120)
);

CREATE INDEX editorial_note_by_article ON editorial_note (article_id, created_at);

-- Old addresses of renamed or merged tags keep answering with a redirect.
CREATE TABLE tag_retired_slug (
    slug VARCHAR(100) PRIMARY KEY,
    tag_id BIGINT NOT NULL REFERENCES tag (id)
);
