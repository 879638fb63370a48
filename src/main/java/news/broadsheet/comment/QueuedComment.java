package news.broadsheet.comment;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A comment as the moderation desk shows it: everything a moderator needs to decide, in one row.
 *
 * @param reasons why the rules held or refused it
 * @param spamScore what the spam filter made of it when it was posted (0 to 1), null without a model
 * @param approvedBefore how many of the commenter's comments were approved (by email, else address)
 * @param rejectedBefore how many were rejected or marked as spam
 * @param recordByEmail whether that record is keyed on the email (else on the client address)
 * @param reports readers' reports by reason, commonest first
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
        @Nullable Double spamScore,
        @Nullable String parentExcerpt,
        int approvedBefore,
        int rejectedBefore,
        boolean recordByEmail,
        java.util.Map<String, Integer> reports,
        @Nullable String rejectionReason) {

    public int reportCount() {
        return reports.values().stream().mapToInt(Integer::intValue).sum();
    }
}
