/**
 * Importer: brings a WordPress export (WXR 1.0–1.2) into Broadsheet through the other features'
 * facades (sections, authors, the editorial workflow, comments, media), so revisions, the audit
 * log, search, feeds and sitemaps see the result. Owns the {@code wp_import_item}, {@code
 * wp_redirect} and {@code wp_import_job} tables; exposes {@link
 * news.broadsheet.importer.WordPressImporter} and the {@code import-wordpress} command; answers
 * old WordPress addresses with 301s. Publishes and listens to nothing itself.
 */
@NullMarked
package news.broadsheet.importer;

import org.jspecify.annotations.NullMarked;
