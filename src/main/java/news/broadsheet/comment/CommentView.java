package news.broadsheet.comment;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * An approved comment as readers see it, with its approved replies.
 *
 * @param bodyHtml the plain-text body escaped, in paragraphs, with web addresses made links
 * @param inReplyToName set on replies shown below the deepest nesting level: whom they answer
 * @param inReplyToId the id of the comment they answer, for a link to it
 * @param featured chosen by a moderator: shown first and marked
 * @param staff written by a member of the newsroom, shown with a staff badge
 * @param text the comment as its author wrote it, for structured data and feeds
 */
public record CommentView(
        long id,
        String authorName,
        String bodyHtml,
        DisplayTime postedAt,
        List<CommentView> replies,
        @Nullable String inReplyToName,
        @Nullable Long inReplyToId,
        boolean featured,
        boolean staff,
        String text) {

    /** The comment's anchor on its article page. */
    public String anchor() {
        return "comment-" + id;
    }

    /** Where a reader reports this comment. */
    public String reportUrl() {
        return "/comments/" + id + "/report";
    }

    /** The link to the comment this one answers, when shown flattened; null otherwise. */
    public @Nullable String inReplyToUrl() {
        return inReplyToId == null ? null : "#comment-" + inReplyToId;
    }
}
