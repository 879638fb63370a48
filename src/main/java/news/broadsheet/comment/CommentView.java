package news.broadsheet.comment;

import java.util.List;
import news.broadsheet.shared.DisplayTime;

/**
 * An approved comment as readers see it, with its approved replies.
 *
 * @param bodyHtml the plain-text body escaped, in paragraphs, with web addresses made links
 */
public record CommentView(
        long id, String authorName, String bodyHtml, DisplayTime postedAt, List<CommentView> replies) {

    /** The comment's anchor on its article page. */
    public String anchor() {
        return "comment-" + id;
    }
}
