/**
 * Value types and settings every feature may use; no behaviour that belongs to a feature, no beans.
 */
@NullMarked
package news.broadsheet.shared;

import org.jspecify.annotations.NullMarked;
