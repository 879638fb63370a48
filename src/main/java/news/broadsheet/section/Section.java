package news.broadsheet.section;

import org.jspecify.annotations.Nullable;

/**
 * One section of the publication.
 *
 * @param path the slugs from the top-level section down to this one, joined by "/" ("world/defense");
 *     unique, and the section's address on the site
 */
public record Section(long id, @Nullable Long parentId, String slug, String name, String description, String path) {

    /** The section's page, for example {@code /world/defense}. */
    public String url() {
        return "/" + path;
    }

    public boolean isTopLevel() {
        return parentId == null;
    }
}
