package news.broadsheet.comment.web;

import java.util.List;
import news.broadsheet.comment.CommentView;
import org.jspecify.annotations.Nullable;

/**
 * The comments block under an article: the count, the approved thread, a notice after posting,
 * and the form (or why there is none).
 *
 * @param replyUrlPrefix a comment's reply link is this followed by its id and {@code #comment-form}
 */
public record CommentSectionView(
        int count,
        List<CommentView> thread,
        @Nullable String notice,
        @Nullable CommentFormView form,
        @Nullable String closedMessage,
        String replyUrlPrefix) {

    public String replyUrl(CommentView comment) {
        return replyUrlPrefix + comment.id() + "#comment-form";
    }

    public String countLabel() {
        return countLabel(count);
    }

    static String countLabel(int count) {
        return count == 1 ? "1 comment" : count + " comments";
    }
}
