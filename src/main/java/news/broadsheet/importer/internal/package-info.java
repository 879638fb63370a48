/** The WXR reader, body conversion and the import's bookkeeping tables. */
@NullMarked
package news.broadsheet.importer.internal;

import org.jspecify.annotations.NullMarked;
