-- Times are epoch milliseconds (UTC) in BIGINT columns, so one set of statements serves both databases.
CREATE TABLE article (
    id ${id},
    slug VARCHAR(100) NOT NULL UNIQUE,
    headline VARCHAR(300) NOT NULL,
    standfirst TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    -- Rendered and sanitised once on write; pages never render Markdown.
    body_html TEXT NOT NULL,
    section_id BIGINT NOT NULL REFERENCES section (id),
    status VARCHAR(20) NOT NULL CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'unpublished')),
    published_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    comments_open BOOLEAN NOT NULL DEFAULT TRUE,
    -- Optimistic locking for the editor.
    version INTEGER NOT NULL DEFAULT 0
);

-- Newest-first lists with keyset paging: site-wide, and per section.
CREATE INDEX article_live ON article (status, published_at, id);
CREATE INDEX article_section_live ON article (section_id, status, published_at, id);

CREATE TABLE article_author (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES author (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);

CREATE INDEX article_author_by_author ON article_author (author_id, article_id);

CREATE TABLE tag (
    id ${id},
    slug VARCHAR(100) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE article_tag (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tag (id),
    PRIMARY KEY (article_id, tag_id)
);

CREATE INDEX article_tag_by_tag ON article_tag (tag_id, article_id);

-- Old slugs keep answering, with a permanent redirect to the article's current address.
CREATE TABLE article_retired_slug (
    slug VARCHAR(100) PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    retired_at BIGINT NOT NULL
);
