-- Which version of the body renderer the stored HTML of every story (and every page) was last made
-- with. Bodies are rendered once, when saved; when a release fixes the renderer, each node checks
-- this at start and re-renders in the background the bodies saved before, then records the
-- version here (see ArticleBodyRenderer.VERSION). No row: bodies from before this table existed.
CREATE TABLE body_rendering (
    kind VARCHAR(20) PRIMARY KEY,
    renderer_version INTEGER NOT NULL,
    finished_at BIGINT NOT NULL
);
