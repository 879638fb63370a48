package news.broadsheet.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment written elsewhere (an import, demo content), stored with its own time and status and
 * none of the reader-facing checks.
 *
 * @param parentId the stored comment it replies to, on the same story, or null
 * @param email the commenter's address, never shown publicly, or null
 * @param featured picked out by the desk, shown first
 */
public record ImportedComment(
        long articleId,
        @Nullable Long parentId,
        String authorName,
        @Nullable String email,
        String body,
        CommentStatus status,
        Instant postedAt,
        boolean featured) {}
