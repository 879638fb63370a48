/** The record of what the demo newsroom created, and of its removal. */
@NullMarked
package news.broadsheet.demo.internal;

import org.jspecify.annotations.NullMarked;
