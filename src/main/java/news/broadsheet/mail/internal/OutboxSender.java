package news.broadsheet.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox every few seconds over SMTP. Each message is claimed with a short lease before
 * it is sent, so when several nodes share the outbox each message goes out once.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ATTEMPTS = 10;
    /** Longer than any SMTP exchange; a node that dies holding a claim delays that message by this much. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(2);

    private final OutboxStore store;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final Clock clock;

    OutboxSender(
            OutboxStore store,
            ObjectProvider<JavaMailSender> mail,
            @Value("${broadsheet.mail.from:newsroom@localhost.localdomain}") String from,
            Clock clock) {
        this.store = store;
        this.mail = mail;
        this.from = from;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${broadsheet.mail.interval:5s}")
    void sendQueued() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (OutboxStore.Message message : store.waiting(MAX_ATTEMPTS, clock.instant())) {
            Instant now = clock.instant();
            if (!store.claim(message.id(), now, CLAIM_LEASE)) {
                continue; // another node is sending it
            }
            try {
                SimpleMailMessage mailMessage = new SimpleMailMessage();
                mailMessage.setFrom(from);
                mailMessage.setTo(message.recipient());
                mailMessage.setSubject(message.subject());
                mailMessage.setText(message.body());
                sender.send(mailMessage);
                store.markSent(message.id(), now);
            } catch (MailException e) {
                // The message text is never logged: some carry one-time links.
                log.warn("Could not send mail #{}: {}", message.id(), e.getMessage());
                store.markFailed(message.id(), String.valueOf(e.getMessage()));
            }
        }
    }
}
