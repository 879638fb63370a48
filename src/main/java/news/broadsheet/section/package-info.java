/**
 * Sections: the hierarchy a newspaper is organised in (World › Defense). Owns the {@code section}
 * table; exposes {@link news.broadsheet.section.Sections} and the {@link
 * news.broadsheet.section.Section} read model. Publishes and listens to nothing yet.
 */
@NullMarked
package news.broadsheet.section;

import org.jspecify.annotations.NullMarked;
