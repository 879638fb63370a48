package news.broadsheet.comment.web;

import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * The report form: which comment (its author, time and the start of its text), on which story.
 *
 * @param problem why the last report was not taken (no reason chosen), or null
 */
public record ReportPage(
        long commentId,
        String headline,
        String articleUrl,
        String authorName,
        DisplayTime postedAt,
        String excerpt,
        @Nullable String problem) {

    public String action() {
        return "/comments/" + commentId + "/report";
    }

    public String commentUrl() {
        return articleUrl + "#comment-" + commentId;
    }
}
