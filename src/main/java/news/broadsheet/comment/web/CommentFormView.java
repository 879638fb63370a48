package news.broadsheet.comment.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The comment form as the template draws it: where it posts, what the reader typed, and the
 * message for each field that needs fixing.
 *
 * @param replyingTo the name on the comment being replied to, or null for a new thread
 * @param replyingToExcerpt the start of that comment's text, quoted above the form
 * @param cancelReplyUrl where "cancel reply" leads, when replying
 * @param summary the field errors in page order, each linking to its field
 * @param problem a message about the whole submission (comments closed), or null
 * @param submittable false when sending the form again cannot succeed: the reader's text is then
 *     shown to copy, without a form
 * @param reviewNote says that comments wait for a moderator, when the story's policy holds them
 */
public record CommentFormView(
        String action,
        String name,
        String email,
        String body,
        @Nullable Long parentId,
        @Nullable String replyingTo,
        @Nullable String replyingToExcerpt,
        @Nullable String cancelReplyUrl,
        Map<String, String> errors,
        List<Problem> summary,
        @Nullable String problem,
        boolean submittable,
        int bodyLimit,
        boolean notifyReplies,
        @Nullable String reviewNote) {

    /** One entry of the error summary. */
    public record Problem(String targetId, String message) {}

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    /** Whether this field should take the focus: the first one with an error. */
    public boolean focus(String field) {
        return !summary.isEmpty() && summary.getFirst().targetId().equals("comment-" + field);
    }
}
