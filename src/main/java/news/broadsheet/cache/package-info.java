/**
 * The page cache: rendered public responses (pages, feeds, sitemaps, API reads) kept as bytes with a
 * strong ETag and gzip and Brotli variants, served to anonymous readers without touching the
 * database or the templates; HTTP caching headers ({@code Cache-Control}, {@code ETag}/304, {@code
 * Vary}, {@code Surrogate-Key}) for browsers and CDNs; and exact invalidation.
 *
 * <p>Invalidation follows events: every change (stories, comments, sections, tags, bylines, pages,
 * comment settings) is turned into the cache tags ({@link news.broadsheet.shared.CacheTags}) of the
 * responses that show it and written to the {@code page_cache_change} log in the change's own
 * transaction; each node follows the log, so a second node's cache is right too, and an optional purge
 * hook sends the same tags to a CDN or Varnish. Scheduled changes (publication, embargo, expiry)
 * invalidate at their minute by the clock. Publishes {@link news.broadsheet.cache.SiteContentChanged}
 * on every node for other in-memory copies (the section navigation).
 */
@NullMarked
package news.broadsheet.cache;

import org.jspecify.annotations.NullMarked;
