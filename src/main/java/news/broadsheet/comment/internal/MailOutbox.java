package news.broadsheet.comment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mail waiting to be sent. Messages are written in the transaction that caused them and sent
 * every few seconds by a scheduler, so no reader's request waits for (or fails with) the SMTP
 * server, and nothing queued is lost when a node stops. Without {@code spring.mail.host} the
 * messages wait until one is configured. Each message is claimed with a short lease before it is
 * sent, so when several nodes share the outbox each message goes out once.
 */
@Component
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final int MAX_ATTEMPTS = 10;
    /** Longer than any SMTP exchange; a node that dies holding a claim delays that message by this much. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final Clock clock;

    MailOutbox(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> mail,
            @Value("${broadsheet.mail.from:newsroom@localhost.localdomain}") String from,
            Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.from = from;
        this.clock = clock;
    }

    public void queue(String kind, String recipient, String subject, String body) {
        jdbc.sql("INSERT INTO mail_outbox (kind, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(kind, recipient, subject, body, clock.instant().toEpochMilli())
                .update();
    }

    /** Whether a message of this kind was queued within the window (to avoid repeating alerts). */
    public boolean queuedSince(String kind, Duration window) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND created_at >= ?")
                        .params(kind, clock.instant().minus(window).toEpochMilli())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private record Message(long id, String recipient, String subject, String body) {}

    @Scheduled(fixedDelayString = "${broadsheet.mail.interval:5s}")
    public void sendQueued() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<Message> waiting = jdbc.sql("SELECT id, recipient, subject, body FROM mail_outbox"
                        + " WHERE sent_at IS NULL AND attempts < ? AND (claimed_until IS NULL OR claimed_until < ?)"
                        + " ORDER BY id LIMIT 50")
                .params(MAX_ATTEMPTS, clock.instant().toEpochMilli())
                .query((rs, n) -> new Message(
                        rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body")))
                .list();
        for (Message message : waiting) {
            Instant now = clock.instant();
            if (!claim(message.id(), now)) {
                continue; // another node is sending it
            }
            try {
                SimpleMailMessage mailMessage = new SimpleMailMessage();
                mailMessage.setFrom(from);
                mailMessage.setTo(message.recipient());
                mailMessage.setSubject(message.subject());
                mailMessage.setText(message.body());
                sender.send(mailMessage);
                jdbc.sql("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?")
                        .params(now.toEpochMilli(), message.id())
                        .update();
            } catch (MailException e) {
                log.warn("Could not send mail #{}: {}", message.id(), e.getMessage());
                String error = String.valueOf(e.getMessage());
                jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL"
                                + " WHERE id = ?")
                        .params(error.length() > 500 ? error.substring(0, 500) : error, message.id())
                        .update();
            }
        }
    }

    /** Takes the message for this node unless another node holds an unexpired claim on it. */
    private boolean claim(long id, Instant now) {
        return jdbc.sql("UPDATE mail_outbox SET claimed_until = ? WHERE id = ? AND sent_at IS NULL"
                                + " AND (claimed_until IS NULL OR claimed_until < ?)")
                        .params(now.plus(CLAIM_LEASE).toEpochMilli(), id, now.toEpochMilli())
                        .update()
                == 1;
    }
}
