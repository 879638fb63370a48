@NullMarked
package news.broadsheet.importer.internal;

import org.jspecify.annotations.NullMarked;
