/**
 * Moving a whole site between Broadsheet and WordPress, in WordPress eXtended RSS (WXR).
 *
 * <p>Export: {@link news.broadsheet.importer.WordPressExporter} streams every author, section
 * (as a category), tag, image (as an attachment), story in every status (as a post, with its
 * Markdown source and what WordPress has no field for in {@code _broadsheet_*} postmeta) and
 * comment as WXR 1.2, reading the article, comment, media, section and author facades a page at a
 * time. Admins download it at {@code /admin/export} (audited as {@link
 * news.broadsheet.importer.WordPressExported}).
 */
@NullMarked
package news.broadsheet.importer;

import org.jspecify.annotations.NullMarked;
