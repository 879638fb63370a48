package news.broadsheet.comment.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The comment form as the template draws it: where it posts, what the reader typed, and the
 * message for each field that needs fixing.
 *
 * @param replyingTo the name on the comment being replied to, or null for a new thread
 * @param cancelReplyUrl where "cancel reply" leads, when replying
 * @param problem a message about the whole form (comments closed), or null
 */
public record CommentFormView(
        String action,
        String name,
        String email,
        String body,
        @Nullable Long parentId,
        @Nullable String replyingTo,
        @Nullable String cancelReplyUrl,
        Map<String, String> errors,
        @Nullable String problem,
        int bodyLimit,
        int nameLimit) {

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || problem != null;
    }
}
