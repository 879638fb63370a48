package news.broadsheet.cache;

import java.util.Set;

/**
 * Content with these cache tags changed, on this node or another: published on every node once the
 * change is known there, for features that keep their own in-memory copy of what pages show.
 */
public record SiteContentChanged(Set<String> tags) {

    public SiteContentChanged {
        tags = Set.copyOf(tags);
    }

    /** Whether any of the keys changed. */
    public boolean touches(String... keys) {
        for (String key : keys) {
            if (tags.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
