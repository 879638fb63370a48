/** The outbox table and its sender. */
@NullMarked
package news.broadsheet.mail.internal;

import org.jspecify.annotations.NullMarked;
