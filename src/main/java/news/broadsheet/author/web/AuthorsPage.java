package news.broadsheet.author.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The Authors screen: every byline (merged ones left out) and the form for a new one. */
public record AuthorsPage(
        List<Row> authors,
        Fields form,
        List<Option> accounts,
        Map<String, String> errors,
        @Nullable String notice,
        @Nullable String problem) {

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    /** One byline in the list. */
    public record Row(
            long id,
            String name,
            String jobTitle,
            String slug,
            String state,
            @Nullable String account,
            String editUrl,
            String pageUrl) {}

    /** The form's fields as typed, kept after a refusal. */
    public record Fields(
            String name, String slug, String jobTitle, String bio, String email, String website, String profiles) {}

    /** An entry in a select list; id 0 means none. */
    public record Option(long id, String label, boolean selected) {}
}
