package news.broadsheet.comment.web;

import news.broadsheet.comment.CommentThread;
import news.broadsheet.comment.CommentView;
import org.jspecify.annotations.Nullable;

/**
 * The comments block under an article: the approved thread and its count, a notice after posting,
 * and the form (or why there is none).
 *
 * @param replyUrlPrefix a comment's reply link is this followed by its id and {@code #comment-form}
 */
public record CommentSectionView(
        CommentThread thread,
        @Nullable String notice,
        @Nullable CommentFormView form,
        @Nullable String closedMessage,
        String replyUrlPrefix) {

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
