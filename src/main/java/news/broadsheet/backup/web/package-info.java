/** The backup admin page ({@code /admin/backup}). */
@NullMarked
package news.broadsheet.backup.web;

import org.jspecify.annotations.NullMarked;
