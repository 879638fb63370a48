package news.broadsheet.comment;

import java.time.Instant;

/**
 * An approved comment that readers can see, as a feed lists it.
 *
 * @param text the comment as its author wrote it (plain text)
 * @param html the same text as safe HTML: escaped, in paragraphs, with web addresses made links
 */
public record ApprovedComment(long id, long articleId, String authorName, String text, String html, Instant postedAt) {

    /** The comment's anchor on its article page. */
    public String anchor() {
        return "comment-" + id;
    }
}
