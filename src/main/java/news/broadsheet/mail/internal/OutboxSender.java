package news.broadsheet.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox every few seconds over SMTP, and prunes it. Each message is claimed with a lease
 * before it is sent, so when several nodes share the outbox each message goes out once; a message
 * that fails waits longer after each attempt and is given up after {@link #MAX_ATTEMPTS}.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final int MAX_ATTEMPTS = 10;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /**
     * Longer than the worst-case send, so no other node sends a message again while this one is
     * still at it. The SMTP timeouts (application.properties, 10 s for connecting and for each read
     * and write) bound every step of the exchange, and one message takes about ten steps (connect,
     * greeting, EHLO, STARTTLS and a second EHLO, MAIL, RCPT, DATA, the text, its reply): under two
     * minutes. A node that dies holding a claim delays that message by this much.
     */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    private final OutboxStore store;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final Duration keepSent;
    private final Duration keepFailed;
    private final Clock clock;

    OutboxSender(
            OutboxStore store,
            ObjectProvider<JavaMailSender> mail,
            @Value("${broadsheet.mail.from:newsroom@localhost.localdomain}") String from,
            @Value("${broadsheet.mail.keep-sent:7d}") Duration keepSent,
            @Value("${broadsheet.mail.keep-failed:30d}") Duration keepFailed,
            Clock clock) {
        this.store = store;
        this.mail = mail;
        this.from = from;
        this.keepSent = keepSent;
        this.keepFailed = keepFailed;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${broadsheet.mail.interval:5s}")
    void sendQueued() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            sendWaiting(sender);
        } catch (DataAccessException e) {
            // The database is unavailable: the next round tries again; one line, not a stack trace every 5 s.
            log.warn("Could not read the mail outbox: {}", e.toString());
        }
    }

    private void sendWaiting(JavaMailSender sender) {
        for (OutboxStore.Message message : store.waiting(clock.instant())) {
            Instant now = clock.instant();
            if (!store.claim(message.id(), now, CLAIM_LEASE)) {
                continue; // another node is sending it
            }
            try {
                sender.send(mimeMessage(sender, message));
                store.markSent(message.id(), now);
            } catch (MailException e) {
                // The message text is never logged: some carry one-time links.
                String error = String.valueOf(e.getMessage());
                int attempts = message.attempts() + 1;
                if (attempts >= MAX_ATTEMPTS) {
                    log.error("Gave up mail #{} after {} attempts: {}", message.id(), attempts, error);
                    store.markFailed(message.id(), error, now);
                } else {
                    Duration wait = retryAfter(attempts);
                    log.warn(
                            "Could not send mail #{} (attempt {}, next in {}): {}",
                            message.id(),
                            attempts,
                            wait,
                            error);
                    store.markRetry(message.id(), error, now.plus(wait));
                }
            }
        }
    }

    /** Deletes old sent and failed mail; several nodes may do it at once, as deleting twice is harmless. */
    @Scheduled(
            fixedDelayString = "${broadsheet.mail.prune-interval:1h}",
            initialDelayString = "${broadsheet.mail.prune-interval:1h}")
    void prune() {
        Instant now = clock.instant();
        int deleted = store.prune(now.minus(keepSent), now.minus(keepFailed));
        if (deleted > 0) {
            log.info("Pruned {} sent or failed messages from the mail outbox", deleted);
        }
    }

    /** The wait after the given number of failed attempts: 30 s, 1 min, 2 min, … at most an hour. */
    static Duration retryAfter(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private MimeMessage mimeMessage(JavaMailSender sender, OutboxStore.Message message) {
        SimpleMailMessage text = new SimpleMailMessage();
        text.setFrom(from);
        text.setTo(message.recipient());
        text.setSubject(message.subject());
        text.setText(message.body());
        MimeMessage mime = sender.createMimeMessage();
        text.copyTo(new MimeMailMessage(mime));
        String unsubscribe = message.unsubscribeUrl();
        if (unsubscribe != null) {
            try {
                // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that posts
                // "List-Unsubscribe=One-Click" to the address (DKIM signing is the mail server's job).
                mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            } catch (MessagingException e) {
                throw new MailPreparationException(e);
            }
        }
        return mime;
    }
}
