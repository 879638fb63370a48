package news.broadsheet.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment in any moderation state with what is stored about it, for a whole-site export. The
 * commenter's client address is stored only as a keyed hash and is never part of this record.
 *
 * @param parentId the comment it replies to, on the same story, or null
 * @param staff written by a signed-in newsroom account (shown with a badge)
 */
public record ArchivedComment(
        long id,
        long articleId,
        @Nullable Long parentId,
        String authorName,
        @Nullable String email,
        String body,
        CommentStatus status,
        Instant postedAt,
        boolean featured,
        boolean staff) {}
