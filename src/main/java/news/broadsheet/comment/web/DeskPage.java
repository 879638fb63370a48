package news.broadsheet.comment.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * The moderation desk: queue tabs with counts, filters, one page of comments, the next page, and
 * the notice of the last action with its Undo.
 *
 * @param noticeIndex where in the list the notice stands: before the row with this index (the
 *     place of the comment acted on), or after the last row when it equals the number of rows
 * @param scriptUrl the desk's script (in-place actions, keyboard shortcuts), content-hashed
 */
public record DeskPage(
        List<Tab> tabs,
        String queue,
        List<Option> sections,
        String articleFilter,
        List<Row> rows,
        List<String> rejectionReasons,
        List<Option> banLengths,
        @Nullable String olderUrl,
        @Nullable Notice notice,
        int noticeIndex,
        String returnUrl,
        String scriptUrl) {

    /** A queue tab. */
    public record Tab(String name, String label, int count, String url, boolean current) {}

    /** A choice in a select. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * What the last action did.
     *
     * @param undoToken null when it cannot be undone (nothing changed, or undone already)
     */
    public record Notice(String text, @Nullable String undoToken) {}

    /** A reason readers gave when reporting, with how many gave it. */
    public record ReportReason(String label, int count) {}

    /**
     * One comment to decide on.
     *
     * @param headlineUrl the editor for those who may edit, else the public story (null if not live)
     * @param inPlaceUrl the comment in place on the public story (the story when it is not shown)
     * @param record the commenter's record, saying what it is keyed on
     */
    public record Row(
            long id,
            String author,
            @Nullable String email,
            String bodyHtml,
            DisplayTime postedAt,
            String headline,
            @Nullable String headlineUrl,
            @Nullable String inPlaceUrl,
            @Nullable String parentExcerpt,
            String record,
            List<String> reasons,
            @Nullable String spamScore,
            boolean featured,
            @Nullable String rejectionReason,
            int reportCount,
            List<ReportReason> reports) {}
}
