package news.broadsheet.article.web;

import java.util.List;
import java.util.Map;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * The article editor: the story's fields, what the current user may do with it, its workflow
 * state, and its editorial notes. Every address the page links or posts to is in here.
 */
public record ArticleEditPage(
        String title,
        @Nullable Long id,
        String formAction,
        Fields fields,
        List<Option> sections,
        List<Option> extraSections,
        List<Option> authors,
        Map<String, String> errors,
        @Nullable String notice,
        @Nullable String problem,
        boolean editable,
        @Nullable Workflow workflow,
        @Nullable String previewHtml,
        @Nullable Conflict conflict,
        List<Note> notes,
        @Nullable LeadImage leadImage,
        @Nullable String imageAction) {

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    /** The form's values as text. */
    public record Fields(
            String headline,
            String standfirst,
            String body,
            String slug,
            String tags,
            String seoTitle,
            String seoDescription,
            boolean commentsOpen,
            String version) {}

    /** A choice in a select list. */
    public record Option(long id, String label, boolean selected) {}

    /**
     * The story's state and the actions this user may take on it.
     *
     * @param publicUrl the story's address when readers can see it, else null
     * @param defaultTime a datetime-local value an hour from now, to start from
     */
    public record Workflow(
            String statusLabel,
            @Nullable String publicUrl,
            @Nullable DisplayTime publishedAt,
            DisplayTime updatedAt,
            @Nullable DisplayTime embargoUntil,
            @Nullable DisplayTime expiresAt,
            boolean canSubmit,
            boolean canPublish,
            boolean canUnpublish,
            boolean canCorrect,
            String defaultTime,
            String embargoValue,
            String expiryValue,
            String workflowUrl,
            String correctionsUrl,
            String revisionsUrl,
            String notesUrl,
            String timeZone) {}

    /** The newer version someone else saved, shown beside the editor's unsaved changes. */
    public record Conflict(String headline, String standfirst, String body, int version) {}

    /** A staff note with its replies. */
    public record Note(
            long id,
            String author,
            String body,
            DisplayTime at,
            @Nullable String resolvedBy,
            List<Note> replies,
            String resolveUrl) {}
}
