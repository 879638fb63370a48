package news.broadsheet.comment;

import org.jspecify.annotations.Nullable;

/**
 * A comment as submitted, already checked for shape (lengths, email) by the form.
 *
 * @param staffAccountId the signed-in newsroom account that wrote it, for the staff badge; null for readers
 * @param notifyReplies the commenter asked for an e-mail when someone replies
 * @param botSign what gave the sender away as a program (a field no person sees was filled, the
 *     form was sent too soon after typing began): the comment is quietly held as spam; null if none
 */
public record PostComment(
        long articleId,
        @Nullable Long parentId,
        String name,
        @Nullable String email,
        String body,
        String clientAddress,
        @Nullable Long staffAccountId,
        boolean notifyReplies,
        @Nullable String botSign) {

    /** A reader's comment, not staff's, without reply notifications. */
    public PostComment(
            long articleId,
            @Nullable Long parentId,
            String name,
            @Nullable String email,
            String body,
            String clientAddress) {
        this(articleId, parentId, name, email, body, clientAddress, null, false, null);
    }
}
