package news.broadsheet.mail;

import java.time.Duration;
import news.broadsheet.mail.internal.OutboxStore;
import org.springframework.stereotype.Service;

/**
 * Mail waiting to be sent. Messages are written in the caller's transaction and sent every few
 * seconds by a scheduler, so no request waits for (or fails with) the SMTP server, and nothing
 * queued is lost when a node stops. A message that cannot be sent is tried again after a growing
 * wait and given up after ten attempts; sent and failed messages are deleted after {@code
 * broadsheet.mail.keep-sent} and {@code …keep-failed}. Without {@code spring.mail.host} the
 * messages wait until one is configured.
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
        store.insert(kind, recipient, subject, body, false, null);
    }

    /**
     * Queues a message someone asked for and can stop, such as a reply notification: it carries
     * the RFC 8058 one-click headers ({@code List-Unsubscribe} with this address, and {@code
     * List-Unsubscribe-Post}), so mail clients offer an unsubscribe button that posts {@code
     * List-Unsubscribe=One-Click} to it.
     *
     * @param unsubscribeUrl an absolute https (or http) address that unsubscribes on POST without a session
     */
    public void queueUnsubscribable(String kind, String recipient, String subject, String body, String unsubscribeUrl) {
        store.insert(kind, recipient, subject, body, false, unsubscribeUrl);
    }

    /**
     * Queues a message whose body holds a secret, such as a one-time link: the body is erased from
     * the outbox once the message has been sent, so the database keeps no working link.
     */
    public void queueSecret(String kind, String recipient, String subject, String body) {
        store.insert(kind, recipient, subject, body, true, null);
    }

    /**
     * Deletes every message to this address, sent or waiting (a message being sent at this moment
     * may still go): for a reader who asked to be forgotten.
     */
    public void forget(String recipient) {
        store.deleteTo(recipient);
    }

    /** Whether a message of this kind was queued within the window (to avoid repeating alerts). */
    public boolean queuedSince(String kind, Duration window) {
        return store.countSince(kind, window) > 0;
    }
}
