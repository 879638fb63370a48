/**
 * Moving a whole site between Broadsheet and WordPress, in WordPress eXtended RSS (WXR).
 *
 * <p>Import: {@link news.broadsheet.importer.WordPressImporter} (and the {@code import-wordpress}
 * command, and the admin upload at {@code /admin/import}) brings a WordPress export (WXR 1.0–1.2)
 * in through the other features' facades (sections, authors, the editorial workflow, pages,
 * comments, media), so revisions, the audit log, search, feeds and sitemaps see the result. Owns
 * the {@code wp_import_item}, {@code wp_redirect} and {@code wp_import_job} tables and answers old
 * WordPress addresses with 301s.
 *
 * <p>Export: {@link news.broadsheet.importer.WordPressExporter} streams every author, section
 * (as a category), tag, image (as an attachment), story in every status (as a post, with its
 * Markdown source and what WordPress has no field for in {@code _broadsheet_*} postmeta), page and
 * comment as WXR 1.2, reading the facades a page at a time. Admins download it at {@code
 * /admin/export}, or run {@code export-wordpress} (audited as {@link
 * news.broadsheet.importer.WordPressExported}).
 */
@NullMarked
package news.broadsheet.importer;

import org.jspecify.annotations.NullMarked;
