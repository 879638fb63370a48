package news.broadsheet.comment.web;

import news.broadsheet.comment.CommentThread;
import news.broadsheet.comment.CommentView;
import org.jspecify.annotations.Nullable;

/**
 * The comments block under an article: the approved thread and its count, a notice after posting,
 * and the form (or why there is none).
 *
 * @param noticeLink where the notice's link leads (the comment it is about), or null
 * @param replyUrlPrefix a comment's reply link is this followed by its id and {@code #comment-form}
 * @param scriptUrl the content-hashed address of the script that posts, replies and reports in place
 */
public record CommentSectionView(
        CommentThread thread,
        @Nullable String notice,
        @Nullable String noticeLink,
        @Nullable String noticeLinkLabel,
        @Nullable CommentFormView form,
        @Nullable String closedMessage,
        String replyUrlPrefix,
        String scriptUrl) {

    /** The notice's id, where redirects after posting or reporting land. */
    public String noticeAnchor() {
        return CommentNotices.ANCHOR;
    }

    /** A comment's reply link, or null when comments are closed. */
    public @Nullable String replyUrlOrNull(CommentView comment) {
        return form == null ? null : replyUrl(comment);
    }

    public String replyUrl(CommentView comment) {
        return replyUrlPrefix + comment.id() + "#comment-form";
    }

    /** The "More comments" link, or null on the last page. */
    public @Nullable String moreUrl() {
        return thread.moreToken() == null
                ? null
                : replyUrlPrefix.replace("?replyto=", "?comments=") + thread.moreToken() + "#comments";
    }

    public String countLabel() {
        return countLabel(thread.count());
    }

    static String countLabel(int count) {
        return count == 1 ? "1 comment" : count + " comments";
    }
}
