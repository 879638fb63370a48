package news.broadsheet.comment;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A comment as the moderation desk shows it: everything a moderator needs to decide, in one row.
 *
 * @param reasons why the rules held or refused it
 * @param approvedBefore how many of the commenter's comments were approved (by email, else address)
 * @param rejectedBefore how many were rejected or marked as spam
 */
public record QueuedComment(
        long id,
        long articleId,
        String authorName,
        @Nullable String email,
        String body,
        CommentStatus status,
        boolean featured,
        Instant postedAt,
        List<String> reasons,
        @Nullable String parentExcerpt,
        int approvedBefore,
        int rejectedBefore,
        @Nullable String rejectionReason) {}
