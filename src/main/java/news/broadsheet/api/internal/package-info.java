@NullMarked
package news.broadsheet.api.internal;

import org.jspecify.annotations.NullMarked;
