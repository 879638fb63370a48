package news.broadsheet.section.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Section management: every section with its edit form, and a form for a new one. */
public record SectionsPage(
        List<Row> sections,
        @Nullable String notice,
        @Nullable String problem) {

    /** One section, with the parents it could move under. */
    public record Row(
            long id, String label, String slug, String name, String description, List<Parent> parents, String url) {}

    /** A possible parent in a select list; id 0 means "top level". */
    public record Parent(long id, String label, boolean selected) {}
}
