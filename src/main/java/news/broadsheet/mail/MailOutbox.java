package news.broadsheet.mail;

import java.time.Duration;
import news.broadsheet.mail.internal.OutboxStore;
import org.springframework.stereotype.Service;

/**
 * Mail waiting to be sent. Messages are written in the caller's transaction and sent every few
 * seconds by a scheduler, so no request waits for (or fails with) the SMTP server, and nothing
 * queued is lost when a node stops. Without {@code spring.mail.host} the messages wait until one
 * is configured.
 */
@Service
public class MailOutbox {

    private final OutboxStore store;

    MailOutbox(OutboxStore store) {
        this.store = store;
    }

    /**
     * Queues a message.
     *
     * @param kind a short label (at most 30 characters), e.g. {@code reply}, for {@link #queuedSince}
     */
    public void queue(String kind, String recipient, String subject, String body) {
        store.insert(kind, recipient, subject, body, false);
    }

    /**
     * Queues a message whose body holds a secret, such as a one-time link: the body is erased from
     * the outbox once the message has been sent, so the database keeps no working link.
     */
    public void queueSecret(String kind, String recipient, String subject, String body) {
        store.insert(kind, recipient, subject, body, true);
    }

    /** Whether a message of this kind was queued within the window (to avoid repeating alerts). */
    public boolean queuedSince(String kind, Duration window) {
        return store.countSince(kind, window) > 0;
    }
}
