/**
 * Sitemaps and robots.txt: a sitemap index ({@code /sitemap.xml}) over a sitemap of the site's
 * pages (fronts, tag and author pages, live static pages), sitemaps of every live story (file n holds the live stories with ids {@code (n-1)*size+1} to
 * {@code n*size}, size being {@link news.broadsheet.sitemap.SitemapSettings#urlsPerFile}) and a Google News sitemap of the last 48 hours; {@code /robots.txt} points
 * crawlers at them. Owns no tables; reads live stories through {@link
 * news.broadsheet.article.Articles} and live static pages through {@link news.broadsheet.page.Pages}, so nothing a reader may not see is listed. Publishes and
 * listens to nothing.
 */
@NullMarked
package news.broadsheet.sitemap;

import org.jspecify.annotations.NullMarked;
