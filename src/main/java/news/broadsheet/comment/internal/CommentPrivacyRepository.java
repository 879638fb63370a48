package news.broadsheet.comment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.shared.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A reader's requests to export or erase their comments ({@code comment_privacy_request}), and the
 * comments written with one e-mail address, matched as the rest of the module matches addresses:
 * without regard to case.
 */
@Repository
public class CommentPrivacyRepository {

    /** Name and text left on an erased comment that others replied to. */
    public static final String ERASED_NAME = "Removed";

    public static final String ERASED_BODY = "This comment was removed at its author's request.";

    private final JdbcClient jdbc;

    CommentPrivacyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One of a reader's comments, as their export lists it. */
    public record ReaderComment(
            long id,
            long articleId,
            @org.jspecify.annotations.Nullable Long parentId,
            String authorName,
            String body,
            CommentStatus status,
            Instant postedAt) {}

    public void insertRequest(String tokenHash, String email, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO comment_privacy_request (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(tokenHash, email, now.toEpochMilli(), expiresAt.toEpochMilli())
                .update();
    }

    /** Whether a link was sent to this address since then (so a form cannot be used to flood a mailbox). */
    public boolean requestedSince(String email, Instant since) {
        return jdbc.sql(
                        "SELECT 1 FROM comment_privacy_request WHERE LOWER(email) = LOWER(?) AND created_at >= ? LIMIT 1")
                .params(email, since.toEpochMilli())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    public void deleteExpiredRequests(Instant now) {
        jdbc.sql("DELETE FROM comment_privacy_request WHERE expires_at < ?")
                .param(now.toEpochMilli())
                .update();
    }

    /** The address a request's link was sent to, while the link is valid. */
    public Optional<String> findRequestEmail(String tokenHash, Instant now) {
        return jdbc.sql("SELECT email FROM comment_privacy_request WHERE token_hash = ? AND expires_at >= ?")
                .params(tokenHash, now.toEpochMilli())
                .query(String.class)
                .optional();
    }

    public void deleteRequests(String email) {
        jdbc.sql("DELETE FROM comment_privacy_request WHERE LOWER(email) = LOWER(?)")
                .param(email)
                .update();
    }

    public boolean hasComments(String email) {
        return jdbc.sql("SELECT 1 FROM comment WHERE LOWER(author_email) = LOWER(?) LIMIT 1")
                .param(email)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** Every comment written with this address, in any moderation state, oldest first. */
    /** The stories with comments written with the address. */
    public Set<Long> storiesCommentedOnBy(String email) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT article_id FROM comment WHERE LOWER(author_email) = LOWER(?)")
                .param(email)
                .query(Long.class)
                .list());
    }

    public List<ReaderComment> findByEmail(String email) {
        return jdbc.sql("""
                        SELECT id, article_id, parent_id, author_name, body, status, created_at FROM comment
                        WHERE LOWER(author_email) = LOWER(?) ORDER BY created_at, id""")
                .param(email)
                .query((rs, n) -> new ReaderComment(
                        rs.getLong("id"),
                        rs.getLong("article_id"),
                        SqlValues.nullableLong(rs, "parent_id"),
                        rs.getString("author_name"),
                        rs.getString("body"),
                        CommentStatus.fromDb(rs.getString("status")),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    /**
     * Erases every comment written with this address; call in a transaction. Comments nobody
     * replied to are deleted, and then those whose replies were all theirs; the rest keep their
     * place in the thread with {@link #ERASED_NAME} and {@link #ERASED_BODY}, and no e-mail,
     * address hash, staff mark or reply subscription.
     *
     * @return how many comments were erased
     */
    public int erase(String email, Instant now) {
        int erased = 0;
        int deleted;
        do {
            // Leaves first: a comment's replies must go before it can (parent_id references it).
            deleted = jdbc.sql("""
                            DELETE FROM comment WHERE LOWER(author_email) = LOWER(?)
                            AND NOT EXISTS (SELECT 1 FROM comment reply WHERE reply.parent_id = comment.id)""").param(email).update();
            erased += deleted;
        } while (deleted > 0);
        erased += jdbc.sql("""
                        UPDATE comment SET author_name = ?, body = ?, author_email = NULL, client_address_hash = '',
                        staff_account_id = NULL, notify_replies = FALSE, unsubscribe_token = NULL, featured = FALSE,
                        erased_at = ?
                        WHERE LOWER(author_email) = LOWER(?)""")
                .params(ERASED_NAME, ERASED_BODY, now.toEpochMilli(), email)
                .update();
        return erased;
    }
}
