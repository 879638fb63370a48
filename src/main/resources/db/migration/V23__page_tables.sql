-- Static pages (About, Contact, Corrections policy, Privacy, Terms) at /<slug>.
CREATE TABLE page (
    id ${id},
    slug VARCHAR(100) NOT NULL UNIQUE,
    title VARCHAR(300) NOT NULL,
    -- The meta description and the API's summary; may be empty.
    description VARCHAR(500) NOT NULL,
    -- What editors write: Markdown, or HTML (imported pages), sanitised either way into body_html.
    body_format VARCHAR(10) NOT NULL CHECK (body_format IN ('markdown', 'html')),
    body_source TEXT NOT NULL,
    body_html TEXT NOT NULL,
    status VARCHAR(20) NOT NULL CHECK (status IN ('draft', 'published')),
    -- Live when published and this time has come.
    published_at BIGINT,
    in_footer BOOLEAN NOT NULL DEFAULT FALSE,
    footer_position INTEGER NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES account (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Any change at all (content, status, footer): the sitemap's Last-Modified follows it.
    changed_at BIGINT NOT NULL,
    -- Optimistic locking for the editor.
    version INTEGER NOT NULL DEFAULT 1
);

-- The footer's one query on every public page.
CREATE INDEX page_footer ON page (in_footer, status, footer_position);
CREATE INDEX page_changed ON page (changed_at);

-- Every save keeps the page as it was saved, with who saved it and when.
CREATE TABLE page_revision (
    id ${id},
    page_id BIGINT NOT NULL REFERENCES page (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    slug VARCHAR(100) NOT NULL,
    title VARCHAR(300) NOT NULL,
    description VARCHAR(500) NOT NULL,
    body_format VARCHAR(10) NOT NULL,
    body_source TEXT NOT NULL,
    saved_by BIGINT REFERENCES account (id),
    saved_by_name VARCHAR(120) NOT NULL,
    saved_at BIGINT NOT NULL,
    note VARCHAR(200) NOT NULL,
    UNIQUE (page_id, version)
);

-- Old addresses of a page keep answering with a permanent redirect.
CREATE TABLE page_retired_slug (
    slug VARCHAR(100) PRIMARY KEY,
    page_id BIGINT NOT NULL REFERENCES page (id) ON DELETE CASCADE
);
