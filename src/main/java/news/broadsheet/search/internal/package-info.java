/** Site search: the Lucene index, its writer thread, the change log and queries. */
@NullMarked
package news.broadsheet.search.internal;

import org.jspecify.annotations.NullMarked;
