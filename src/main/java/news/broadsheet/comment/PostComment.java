package news.broadsheet.comment;

import org.jspecify.annotations.Nullable;

/**
 * A comment as submitted, already checked for shape (lengths, email) by the form.
 *
 * @param staffAccountId the signed-in newsroom account that wrote it, for the staff badge; null for readers
 * @param notifyReplies the commenter asked for an e-mail when someone replies
 */
public record PostComment(
        long articleId,
        @Nullable Long parentId,
        String name,
        @Nullable String email,
        String body,
        String clientAddress,
        @Nullable Long staffAccountId,
        boolean notifyReplies) {

    /** A reader's comment, not staff's, without reply notifications. */
    public PostComment(
            long articleId,
            @Nullable Long parentId,
            String name,
            @Nullable String email,
            String body,
            String clientAddress) {
        this(articleId, parentId, name, email, body, clientAddress, null, false);
    }
}
