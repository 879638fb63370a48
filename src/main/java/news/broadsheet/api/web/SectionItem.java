package news.broadsheet.api.web;

import org.jspecify.annotations.Nullable;

/** A section of the publication; {@code parentId} is null for top-level sections. */
public record SectionItem(
        long id, @Nullable Long parentId, String slug, String name, String description, String path, String url) {}
