/** The backup format: the consistent database snapshot, the row loader and the media copy. */
@NullMarked
package news.broadsheet.backup.internal;

import org.jspecify.annotations.NullMarked;
