-- Live stories newest first, the order of the home page, section fronts, tag and author pages,
-- feeds and the news sitemap. Partial on the status half of "live" (ArticleRepository.LIVE), so a
-- list reads the index from its cursor down and stops after a page, however large the archive:
-- the older article_live (status, published_at, id) cannot give that order for two statuses and
-- left every listing sorting all live rows. Section, tag and author lists walk the same index and
-- check their filter per row (EXISTS on article_section, article_tag, article_author keys).
CREATE INDEX article_live_newest ON article (published_at DESC, id DESC) WHERE status IN ('published', 'scheduled');
