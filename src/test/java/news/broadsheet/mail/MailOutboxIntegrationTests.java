package news.broadsheet.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox against an SMTP server that is not there: timeouts, backoff, giving up, pruning. */
@IntegrationTest(properties = {"broadsheet.mail.interval=100ms", "broadsheet.mail.prune-interval=100ms"})
class MailOutboxIntegrationTests {

    /** A local port nothing listens on, so every send fails at once with "connection refused". */
    static final int CLOSED_PORT;

    static {
        try (ServerSocket socket = new ServerSocket(0)) {
            CLOSED_PORT = socket.getLocalPort();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
    }

    @Autowired
    MailOutbox outbox;

    @Autowired
    JavaMailSender sender;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    MutableClock clock;

    @Test
    void givesTheSmtpConnectionTimeoutsWellUnderTheClaim() {
        var properties = ((JavaMailSenderImpl) sender).getSession().getProperties();

        assertThat(properties.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(properties.getProperty("mail.smtp.timeout")).isEqualTo("10000");
        assertThat(properties.getProperty("mail.smtp.writetimeout")).isEqualTo("10000");
    }

    @Test
    void backsOffExponentiallyAndGivesUpAfterTheLastAttempt() throws Exception {
        outbox.queue("backoff", "nobody@example.org", "Undeliverable", "The server is down.");
        long[] delays = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};

        for (int attempt = 1; attempt <= 9; attempt++) {
            int expected = attempt;
            Map<String, Object> row = await(r -> ((Number) r.get("attempts")).intValue() == expected);
            assertThat(row.get("failed_at"))
                    .as("still trying after attempt %d", attempt)
                    .isNull();
            assertThat(row.get("last_error")).isNotNull();
            long due = ((Number) row.get("next_attempt_at")).longValue();
            assertThat(due - clock.instant().toEpochMilli())
                    .as("wait after attempt %d", attempt)
                    .isEqualTo(Duration.ofSeconds(delays[attempt - 1]).toMillis());

            Thread.sleep(400); // four sending rounds
            assertThat(((Number) row().get("attempts")).intValue())
                    .as("no retry before it is due")
                    .isEqualTo(attempt);
            clock.advance(Duration.ofSeconds(delays[attempt - 1]));
        }

        Map<String, Object> failed = await(r -> ((Number) r.get("attempts")).intValue() == 10);
        assertThat(failed.get("failed_at"))
                .as("marked failed after ten attempts")
                .isNotNull();
        assertThat(failed.get("body")).as("kept for inspection").isEqualTo("The server is down.");
        clock.advance(Duration.ofDays(1));
        Thread.sleep(400);
        assertThat(((Number) row().get("attempts")).intValue()).isEqualTo(10);
    }

    @Test
    void prunesSentMailAfterAWeekAndFailedMailAfterAMonth() throws Exception {
        long now = clock.instant().toEpochMilli();
        insert("old-sent", now - Duration.ofDays(8).toMillis(), null);
        insert("new-sent", now - Duration.ofDays(6).toMillis(), null);
        insert("old-failed", null, now - Duration.ofDays(31).toMillis());
        insert("new-failed", null, now - Duration.ofDays(29).toMillis());

        for (int i = 0; i < 50 && kinds().contains("old-"); i++) {
            Thread.sleep(100);
        }

        assertThat(kinds()).doesNotContain("old-sent", "old-failed").contains("new-sent", "new-failed");
    }

    private void insert(String kind, Long sentAt, Long failedAt) {
        database.jdbc()
                .sql(
                        "INSERT INTO mail_outbox (kind, recipient, subject, body, created_at, sent_at, failed_at, attempts)"
                                + " VALUES (?, 'kept@example.org', 'Kept', 'Text', ?, ?, ?, 1)")
                .params(kind, sentAt != null ? sentAt : failedAt, sentAt, failedAt)
                .update();
    }

    private String kinds() {
        return String.join(
                ",",
                database.jdbc()
                        .sql("SELECT kind FROM mail_outbox WHERE kind LIKE 'old-%' OR kind LIKE 'new-%' ORDER BY kind")
                        .query(String.class)
                        .list());
    }

    private Map<String, Object> row() {
        return database.jdbc()
                .sql("SELECT attempts, next_attempt_at, failed_at, last_error, body FROM mail_outbox"
                        + " WHERE kind = 'backoff'")
                .query()
                .singleRow();
    }

    private Map<String, Object> await(Predicate<Map<String, Object>> condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Map<String, Object> row = row();
            if (condition.test(row)) {
                return row;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The outbox row never got there: " + row());
    }
}
