package news.broadsheet.comment.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for reply notifications: who asked to be told about replies, and their unsubscribe tokens. */
@Repository
public class ReplyNotificationRepository {

    private final JdbcClient jdbc;

    ReplyNotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enableReplyNotifications(long commentId, String token) {
        jdbc.sql("UPDATE comment SET notify_replies = TRUE, unsubscribe_token = ? WHERE id = ?")
                .params(token, commentId)
                .update();
    }

    /** Who to tell about a reply: the parent comment's author, when they asked and gave an email. */
    public record ReplyNotice(
            long articleId, String replyAuthor, String replyBody, String parentEmail, String parentToken) {}

    public Optional<ReplyNotice> findReplyNotice(long replyId) {
        return jdbc
                .sql("SELECT r.article_id, r.author_name, r.body, r.author_email AS reply_email,"
                        + " p.author_email, p.unsubscribe_token FROM comment r JOIN comment p ON p.id = r.parent_id"
                        + " WHERE r.id = ? AND p.notify_replies = TRUE AND p.author_email IS NOT NULL"
                        + " AND p.unsubscribe_token IS NOT NULL")
                .param(replyId)
                .query((rs, n) -> {
                    String replyEmail = rs.getString("reply_email");
                    String parentEmail = rs.getString("author_email");
                    // Nobody is told about their own replies.
                    if (parentEmail.equalsIgnoreCase(replyEmail == null ? "" : replyEmail)) {
                        return null;
                    }
                    return new ReplyNotice(
                            rs.getLong("article_id"),
                            rs.getString("author_name"),
                            rs.getString("body"),
                            parentEmail,
                            rs.getString("unsubscribe_token"));
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    public boolean hasUnsubscribeToken(String token) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE unsubscribe_token = ?")
                        .param(token)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Stops reply notifications for the comment with this token; false if no comment has it. */
    public boolean unsubscribe(String token) {
        return jdbc.sql("UPDATE comment SET notify_replies = FALSE WHERE unsubscribe_token = ?")
                        .param(token)
                        .update()
                > 0;
    }
}
