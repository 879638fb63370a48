@NullMarked
package news.broadsheet.page.internal;

import org.jspecify.annotations.NullMarked;
