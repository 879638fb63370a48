-- On SQLite, a story's two bodies move to the end of its row. SQLite stores a row's columns in
-- order and spills what does not fit its page into a chain of overflow pages read one after
-- another, so the columns that followed the bodies (section, status, dates: everything a list, a
-- feed or a search hit reads) cost a walk through the whole body, a page read per 4 KB of it.
-- After this they sit on the row's own page.
--
-- ADD COLUMN appends, so each body is copied into a new last column and the old one dropped, which
-- rewrites the table in place: no DROP TABLE, so nothing cascades to the tables that refer to
-- stories. The default is there only because SQLite adds a NOT NULL column only with one; every
-- insert gives both bodies. The file is left with the old copies' pages free; the start that runs
-- this compacts it (SqliteCompaction).
--
-- PostgreSQL keeps long values out of line already, and there DROP COLUMN only hides a column, so
-- the move would keep both copies of every body: it is left as it is.
${sqlite_only} ALTER TABLE article ADD COLUMN body_markdown_last TEXT NOT NULL DEFAULT '';
${sqlite_only} ALTER TABLE article ADD COLUMN body_html_last TEXT NOT NULL DEFAULT '';
${sqlite_only} UPDATE article SET body_markdown_last = body_markdown, body_html_last = body_html;
${sqlite_only} ALTER TABLE article DROP COLUMN body_markdown;
${sqlite_only} ALTER TABLE article DROP COLUMN body_html;
${sqlite_only} ALTER TABLE article RENAME COLUMN body_markdown_last TO body_markdown;
${sqlite_only} ALTER TABLE article RENAME COLUMN body_html_last TO body_html;
