/** How the media module checks, resizes, writes, records and serves images. */
@NullMarked
package news.broadsheet.media.internal;

import org.jspecify.annotations.NullMarked;
