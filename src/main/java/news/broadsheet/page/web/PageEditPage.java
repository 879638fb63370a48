package news.broadsheet.page.web;

import java.util.Map;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * The page editor: the form (as saved or as typed), its errors, and for an existing page its status
 * with the publishing buttons.
 *
 * @param previewHtml the body rendered as readers would see it, when a preview was asked for
 * @param conflict the newer version someone else saved, after an edit conflict
 * @param status null for a page not yet created
 */
public record PageEditPage(
        String heading,
        String formAction,
        PageForm fields,
        boolean footer,
        boolean html,
        Map<String, String> errors,
        @Nullable String notice,
        @Nullable String problem,
        @Nullable String previewHtml,
        @Nullable Conflict conflict,
        @Nullable Status status) {

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    public String value(@Nullable String field) {
        return field == null ? "" : field;
    }

    /** The newer version after an edit conflict. */
    public record Conflict(String title, String body, int version) {}

    /** Where the page stands, and the addresses of the publishing actions. */
    public record Status(
            String label,
            boolean published,
            @Nullable String publicUrl,
            @Nullable DisplayTime publishedAt,
            DisplayTime updatedAt,
            String revisionsUrl,
            String publishUrl,
            String unpublishUrl,
            int version) {}
}
