package news.broadsheet.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    public void insert(String kind, String recipient, String subject, String body, boolean secret) {
        jdbc.sql("INSERT INTO mail_outbox (kind, recipient, subject, body, created_at, secret)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(kind, recipient, subject, body, clock.instant().toEpochMilli(), secret)
                .update();
    }

    public int countSince(String kind, Duration window) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND created_at >= ?")
                .params(kind, clock.instant().minus(window).toEpochMilli())
                .query(Integer.class)
                .single();
    }

    record Message(long id, String recipient, String subject, String body) {}

    List<Message> waiting(int maxAttempts, Instant now) {
        return jdbc.sql("SELECT id, recipient, subject, body FROM mail_outbox"
                        + " WHERE sent_at IS NULL AND attempts < ? AND (claimed_until IS NULL OR claimed_until < ?)"
                        + " ORDER BY id LIMIT 50")
                .params(maxAttempts, now.toEpochMilli())
                .query((rs, n) -> new Message(
                        rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body")))
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

    void markFailed(long id, String error) {
        jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL WHERE id = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, id)
                .update();
    }
}
