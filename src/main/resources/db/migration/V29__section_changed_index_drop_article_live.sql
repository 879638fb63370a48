-- When a section's list last changed (Last-Modified of its feed and sitemap entries) includes the
-- latest status change among its stories: with this index one short range read per section, where
-- without it SQLite read every story of the section (1.3 s for a large one at a million stories).
CREATE INDEX article_section_changed ON article (section_id, status_changed_at);

-- article_live (status, published_at, id) is superseded by article_live_newest (V27), which serves
-- every query it served. Left in place, SQLite (which keeps no statistics here) chose it for tag
-- and author lists and sorted every live story: 2 s a tag feed at a million stories.
DROP INDEX article_live;

-- The scheduler's one query that read article_live by status alone: stories scheduled and due.
-- Partial, so it holds only the few stories waiting for their minute.
CREATE INDEX article_scheduled ON article (published_at) WHERE status = 'scheduled';
