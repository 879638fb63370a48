package news.broadsheet.section;

/**
 * The section tree changed (created, edited, moved or deleted), whoever changed it: published by
 * {@link Sections} in the change's transaction, for whatever keeps sections in memory. The audited
 * {@link SectionChanged} comes from the newsroom's controllers and says who did it.
 */
public record SectionsAltered(long sectionId) {}
