package news.broadsheet.api.web;

import org.jspecify.annotations.Nullable;

/**
 * A new section. A missing slug is made from the name; {@code parent} (a section path) or {@code
 * parentId} puts it under another section.
 */
public record SectionWrite(
        @Nullable String name,
        @Nullable String slug,
        @Nullable String description,
        @Nullable String parent,
        @Nullable Long parentId) {}
