-- 200,000 stories over ~10 years, 30 sections (10 top level, 20 below), 50 authors, 300 tags.
INSERT INTO section (id, parent_id, slug, name, description, path, position)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
SELECT i, NULL, 's' || i, 'Section ' || i, '', 's' || i, i FROM n;
INSERT INTO section (id, parent_id, slug, name, description, path, position)
WITH RECURSIVE n(i) AS (SELECT 11 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
SELECT i, (i % 10) + 1, 'c' || i, 'Sub ' || i, '', 's' || ((i % 10) + 1) || '/c' || i, i FROM n;
INSERT INTO author (id, slug, name, bio)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
SELECT i, 'a' || i, 'Author ' || i, '' FROM n;
INSERT INTO tag (id, slug, name)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
SELECT i, 't' || i, 'Tag ' || i FROM n;
-- Mostly published; a few drafts, scheduled, unpublished, some with expiry or embargo.
INSERT INTO article (id, slug, headline, standfirst, body_markdown, body_html, section_id, status,
    published_at, created_at, updated_at, comments_open, expires_at, embargo_until)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
SELECT i, 'story-' || i, 'Headline ' || i, 'Standfirst ' || i, 'Body', '<p>Body</p>',
    (i * 7) % 30 + 1,
    CASE WHEN i % 50 = 0 THEN 'draft' WHEN i % 97 = 0 THEN 'unpublished' WHEN i > 199990 THEN 'scheduled' ELSE 'published' END,
    CASE WHEN i % 50 = 0 THEN NULL ELSE 1480000000000 + CAST(i AS BIGINT) * 1500000 END,
    1480000000000 + CAST(i AS BIGINT) * 1500000, 1480000000000 + CAST(i AS BIGINT) * 1500000 + (i % 3) * 60000, TRUE,
    CASE WHEN i % 1000 = 0 THEN 1480000000000 + CAST(i AS BIGINT) * 1500000 + 86400000 ELSE NULL END,
    NULL
FROM n;
INSERT INTO article_author (article_id, author_id, position)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
SELECT i, (i * 13) % 50 + 1, 0 FROM n;
INSERT INTO article_tag (article_id, tag_id)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
SELECT i, (i * 17) % 300 + 1 FROM n;
INSERT INTO article_tag (article_id, tag_id)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
SELECT i, (i * 31 + 7) % 300 + 1 FROM n WHERE (i * 31 + 7) % 300 <> (i * 17) % 300;
INSERT INTO article_section (article_id, section_id)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
SELECT i, (i * 11) % 30 + 1 FROM n WHERE i % 20 = 0 AND (i * 11) % 30 <> (i * 7) % 30;
