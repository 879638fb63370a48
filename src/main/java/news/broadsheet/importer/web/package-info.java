/** The admin import page, the export download, and the redirects from old WordPress addresses. */
@NullMarked
package news.broadsheet.importer.web;

import org.jspecify.annotations.NullMarked;
