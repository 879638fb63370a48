-- A story's two bodies move to the end of its row. SQLite stores a row's columns in order and spills
-- what does not fit its page into a chain of overflow pages read one after another, so the columns
-- that followed the bodies (section, status, dates: everything a list, a feed or a search hit reads)
-- cost a walk through the whole body, several page reads per story from a cold disk. After this
-- they sit on the row's own page. PostgreSQL keeps long values out of line anyway; the same
-- statements serve it (one rewrite of the table there).
--
-- ALTER TABLE ... ADD COLUMN appends, so each body is copied into a new last column and the old one
-- dropped, which rewrites the table in place: no DROP TABLE, so nothing cascades to the tables that
-- refer to stories. The default is only there because SQLite adds a NOT NULL column only with one;
-- every insert gives both bodies.
ALTER TABLE article ADD COLUMN body_markdown_last TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN body_html_last TEXT NOT NULL DEFAULT '';
UPDATE article SET body_markdown_last = body_markdown, body_html_last = body_html;
ALTER TABLE article DROP COLUMN body_markdown;
ALTER TABLE article DROP COLUMN body_html;
ALTER TABLE article RENAME COLUMN body_markdown_last TO body_markdown;
ALTER TABLE article RENAME COLUMN body_html_last TO body_html;
