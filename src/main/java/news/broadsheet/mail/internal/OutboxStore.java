package news.broadsheet.mail.internal;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code mail_outbox} table. */
@Repository
public class OutboxStore {

    /** What a sent message's body becomes when it held a secret. */
    static final String ERASED = "(erased after sending: it held a one-time link)";

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(
            String kind,
            String recipient,
            String subject,
            String body,
            boolean secret,
            @Nullable String unsubscribeUrl) {
        jdbc.sql("INSERT INTO mail_outbox (kind, recipient, subject, body, created_at, secret, unsubscribe_url)"
                        + " VALUES (:kind, :recipient, :subject, :body, :createdAt, :secret, :unsubscribeUrl)")
                .param("kind", kind)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("createdAt", clock.instant().toEpochMilli())
                .param("secret", secret)
                .param("unsubscribeUrl", unsubscribeUrl, Types.VARCHAR)
                .update();
    }

    public void deleteTo(String recipient) {
        jdbc.sql("DELETE FROM mail_outbox WHERE LOWER(recipient) = LOWER(?)")
                .param(recipient)
                .update();
    }

    public int countSince(String kind, Duration window) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND created_at >= ?")
                .params(kind, clock.instant().minus(window).toEpochMilli())
                .query(Integer.class)
                .single();
    }

    record Message(
            long id,
            String recipient,
            String subject,
            String body,
            int attempts,
            @Nullable String unsubscribeUrl) {}

    /** Unsent, unfailed messages that are due and that no node holds a live claim on. */
    List<Message> waiting(Instant now) {
        return jdbc.sql("SELECT id, recipient, subject, body, attempts, unsubscribe_url FROM mail_outbox"
                        + " WHERE sent_at IS NULL AND failed_at IS NULL"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
                        + " AND (claimed_until IS NULL OR claimed_until < ?)"
                        + " ORDER BY id LIMIT 50")
                .params(now.toEpochMilli(), now.toEpochMilli())
                .query((rs, n) -> new Message(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        rs.getString("unsubscribe_url")))
                .list();
    }

    /** Takes the message for this node unless another node holds an unexpired claim on it. */
    boolean claim(long id, Instant now, Duration lease) {
        return jdbc.sql("UPDATE mail_outbox SET claimed_until = ? WHERE id = ? AND sent_at IS NULL"
                                + " AND (claimed_until IS NULL OR claimed_until < ?)")
                        .params(now.plus(lease).toEpochMilli(), id, now.toEpochMilli())
                        .update()
                == 1;
    }

    void markSent(long id, Instant now) {
        jdbc.sql("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1,"
                        + " body = CASE WHEN secret THEN ? ELSE body END WHERE id = ?")
                .params(now.toEpochMilli(), ERASED, id)
                .update();
    }

    /** Records a failed attempt: the message is tried again at {@code nextAttempt}. */
    void markRetry(long id, String error, Instant nextAttempt) {
        jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL,"
                        + " next_attempt_at = ? WHERE id = ?")
                .params(shorten(error), nextAttempt.toEpochMilli(), id)
                .update();
    }

    /** Records the last failed attempt: the message is never tried again, and kept until it is pruned. */
    void markFailed(long id, String error, Instant now) {
        jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL,"
                        + " next_attempt_at = NULL, failed_at = ? WHERE id = ?")
                .params(shorten(error), now.toEpochMilli(), id)
                .update();
    }

    /** Deletes mail sent before {@code sentBefore} and mail given up before {@code failedBefore}. */
    int prune(Instant sentBefore, Instant failedBefore) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE sent_at < ?")
                        .param(sentBefore.toEpochMilli())
                        .update()
                + jdbc.sql("DELETE FROM mail_outbox WHERE failed_at < ?")
                        .param(failedBefore.toEpochMilli())
                        .update();
    }

    private static String shorten(String error) {
        return error.length() > 500 ? error.substring(0, 500) : error;
    }
}
