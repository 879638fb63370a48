/** Site search: the reader's search page, the admin status page and related stories on article pages. */
@NullMarked
package news.broadsheet.search.web;

import org.jspecify.annotations.NullMarked;
