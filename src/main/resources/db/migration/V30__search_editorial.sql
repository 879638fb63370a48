-- Editors' search terms (search module), read at query time so that no index rebuild is needed and
-- every node answers alike.

-- A group of words and phrases that mean the same to readers: a search for one also finds the others.
CREATE TABLE search_synonym (
    id ${id},
    -- The members as editors typed them, one per line.
    terms TEXT NOT NULL,
    created_by VARCHAR(120) NOT NULL,
    created_at BIGINT NOT NULL
);

-- A story editors put first for a search. The query is matched as its words, lower-cased, in order.
CREATE TABLE search_pin (
    id ${id},
    query VARCHAR(200) NOT NULL,
    query_key VARCHAR(200) NOT NULL,
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    created_by VARCHAR(120) NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (query_key, article_id)
);
