@NullMarked
package news.broadsheet.feed.internal;

import org.jspecify.annotations.NullMarked;
