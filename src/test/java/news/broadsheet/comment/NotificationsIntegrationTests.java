package news.broadsheet.comment;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** E-mail to commenters about replies and to moderators about the queue, received by a real SMTP server. */
@IntegrationTest(
        properties = {
            "broadsheet.comments.moderation=post",
            "broadsheet.comments.pending-alert-threshold=2",
            "broadsheet.mail.interval=200ms",
            "broadsheet.site.base-url=https://news.example.org"
        })
class NotificationsIntegrationTests {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    news.broadsheet.support.MutableClock clock;

    ArticleSummary story;

    @BeforeEach
    void setUp() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        story = newsroom.article(newsroom.section("World"), newsroom.author("Mia Dahl"))
                .publish();
    }

    @Test
    void tellsACommenterAboutRepliesUntilTheyUnsubscribe() throws Exception {
        long parent = post("Asker", "asker@example.org", "Does anyone know the turnout?", null, true);
        post("Answerer", "answerer@example.org", "It was 64 percent.", parent, false);

        MimeMessage mail = awaitMail("asker@example.org", 1);
        assertThat(mail.getSubject()).isEqualTo("New reply to your comment on \"" + story.headline() + "\"");
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body)
                .contains(
                        "Answerer replied",
                        "It was 64 percent.",
                        "https://news.example.org" + story.url() + "#comment-");
        Matcher unsubscribe = Pattern.compile("https://news\\.example\\.org(/comments/unsubscribe\\?token=[0-9a-f]+)")
                .matcher(body);
        assertThat(unsubscribe.find()).isTrue();
        assertThat(mail.getHeader("List-Unsubscribe"))
                .containsExactly("<https://news.example.org" + unsubscribe.group(1) + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        Http.Response page = http.get(unsubscribe.group(1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.page().selectFirst("h1").text()).isEqualTo("Stop reply e-mails?");
        assertThat(page.header("Cache-Control")).as("no cache keeps the token").isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy"))
                .as("no link sends the token on")
                .isEqualTo("no-referrer");
        assertThat(notifies(parent))
                .as("a mail scanner following the link unsubscribes nobody")
                .isTrue();
        var form = page.page().selectFirst("form[method=post]");
        assertThat(form.selectFirst("button").text()).isEqualTo("Stop reply e-mails");

        Http.Response done = http.postForm(form.attr("action"), Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.page().selectFirst("h1").text()).isEqualTo("You will get no more reply e-mails");
        assertThat(notifies(parent)).isFalse();
        post("Second", "second@example.org", "Turnout was higher in the cities.", parent, false);
        Thread.sleep(1500);
        assertThat(mailsTo("asker@example.org")).hasSize(1);
    }

    @Test
    void unsubscribesWithAOneClickPostFromTheMailClient() throws Exception {
        long parent = post("Busy", "busy@example.org", "Where is the polling station?", null, true);
        post("Helper", "helper@example.org", "In the school hall.", parent, false);
        String header = awaitMail("busy@example.org", 1).getHeader("List-Unsubscribe")[0];
        String path = header.substring(1, header.length() - 1).replace("https://news.example.org", "");

        // RFC 8058: the mail client posts this body to the header's address, with no cookie or token.
        Http.Response response = http.postRaw(path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.page().selectFirst("h1").text()).isEqualTo("You will get no more reply e-mails");
        assertThat(notifies(parent)).isFalse();
    }

    @Test
    void takesTheOneClickPostAsMultipartFormDataToo() throws Exception {
        long parent = post("Formal", "formal@example.org", "Which roads are closed?", null, true);
        post("Driver", "driver@example.org", "The ring road, until noon.", parent, false);
        String header = awaitMail("formal@example.org", 1).getHeader("List-Unsubscribe")[0];
        String path = header.substring(1, header.length() - 1).replace("https://news.example.org", "");

        // RFC 8058 lets mail clients send the body as multipart/form-data (it says they should).
        Http.Response response = http.postRaw(
                path,
                "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--xyz--\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(notifies(parent)).isFalse();
    }

    @Test
    void answersAnUnknownUnsubscribeTokenWithANotFoundPage() {
        String unknown = "/comments/unsubscribe?token=" + "ab".repeat(24);
        for (Http.Response response : List.of(
                http.get(unknown),
                http.postRaw(unknown, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"),
                http.postForm("/comments/unsubscribe?token=nonsense", Map.of()),
                http.postForm("/comments/unsubscribe", Map.of()))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.page().selectFirst("h1").text()).isEqualTo("This unsubscribe link does not work");
        }
    }

    @Test
    void putsNoUnsubscribeHeaderOnMailWithoutAnUnsubscribeLink() throws Exception {
        database.jdbc()
                .sql("INSERT INTO mail_outbox (kind, recipient, subject, body, created_at)"
                        + " VALUES ('note', 'plain@example.org', 'Note', 'Hi', ?)")
                .param(clock.instant().toEpochMilli())
                .update();

        assertThat(awaitMail("plain@example.org", 1).getHeader("List-Unsubscribe"))
                .isNull();
    }

    private boolean notifies(long commentId) {
        return database.jdbc()
                .sql("SELECT notify_replies FROM comment WHERE id = ?")
                .param(commentId)
                .query(Boolean.class)
                .single();
    }

    @Test
    void tellsTheCommenterWhenAModeratorApprovesAHeldReply() throws Exception {
        long parent = post("Waiting", "waiting@example.org", "Any news on the bridge?", null, true);
        database.jdbc()
                .sql("INSERT INTO comment_policy (scope, scope_id, moderation) VALUES ('article', ?, 'pre')")
                .param(story.id())
                .update();
        long reply = post("Local", "local@example.org", "It reopens in May.", parent, false);
        Thread.sleep(1000);
        assertThat(mailsTo("waiting@example.org"))
                .as("nothing while the reply is held")
                .isEmpty();

        var moderator = news.broadsheet.support.StaffClient.signIn(
                http, newsroom.staff(Role.MODERATOR).username(), Newsroom.PASSWORD);
        moderator.post("/admin/comments/moderate", "single", reply + ":approve");

        assertThat(awaitMail("waiting@example.org", 1).getSubject()).startsWith("New reply to your comment");
    }

    @Test
    void tellsNobodyWhoDidNotAsk() throws Exception {
        long parent = post("Quiet", "quiet@example.org", "No emails for me please.", null, false);
        post("Replier", "replier@example.org", "Noted.", parent, false);

        Thread.sleep(1500);
        assertThat(mailsTo("quiet@example.org")).isEmpty();
    }

    @Test
    void asksForAnEmailAddressBeforePromisingNotifications() {
        Http.Response response = http.postForm(
                "/articles/" + story.id() + "/comments",
                form("name", "No Mail", "email", "", "body", "Tell me about replies", "notifyReplies", "on"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.page().selectFirst("#comment-email-error").text()).contains("to be told about replies");
        assertThat(response.page().selectFirst("#comment-notify").hasAttr("checked"))
                .isTrue();
    }

    @Test
    void alertsModeratorsOnceWhenThePendingQueueGrowsLong() throws Exception {
        var moderator = newsroom.staff(Role.MODERATOR);
        database.jdbc()
                .sql("INSERT INTO comment_policy (scope, scope_id, moderation) VALUES ('article', ?, 'pre')")
                .param(story.id())
                .update();
        database.jdbc()
                .sql("DELETE FROM mail_outbox WHERE kind = 'pending-alert'")
                .update();
        database.jdbc()
                .sql("UPDATE comment SET status = 'rejected' WHERE status = 'pending'")
                .update();

        post("One", "", "Held one.", null, false);
        post("Two", "", "Held two.", null, false);
        post("Three", "", "Held three.", null, false);

        MimeMessage alert = awaitMail(moderator.email(), 1);
        assertThat(alert.getSubject()).endsWith("comments are waiting for moderation");
        Thread.sleep(1000);
        assertThat(mailsTo(moderator.email())).as("at most one alert an hour").hasSize(1);
    }

    private long post(String name, String email, String body, Long parent, boolean notify) {
        var fields = form("name", name, "email", email, "body", body);
        if (parent != null) {
            fields.put("parentId", String.valueOf(parent));
        }
        if (notify) {
            fields.put("notifyReplies", "on");
        }
        assertThat(http.postForm("/articles/" + story.id() + "/comments", fields)
                        .status())
                .isEqualTo(303);
        return database.commentId(story.id(), body);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    @Test
    void leavesAMessageAnotherNodeHasClaimedUntilTheClaimRunsOut() throws Exception {
        long now = clock.instant().toEpochMilli();
        database.jdbc()
                .sql("INSERT INTO mail_outbox (kind, recipient, subject, body, created_at, claimed_until)"
                        + " VALUES ('reply', 'claimed@example.org', 'Claimed', 'Being sent elsewhere.', ?, ?)")
                .params(now, now + java.time.Duration.ofMinutes(1).toMillis())
                .update();

        Thread.sleep(1_000); // five sending rounds
        assertThat(mailsTo("claimed@example.org"))
                .as("the other node is still sending it")
                .isEmpty();

        clock.advance(java.time.Duration.ofMinutes(3));
        assertThat(awaitMail("claimed@example.org", 1).getSubject()).isEqualTo("Claimed");
        Thread.sleep(600);
        assertThat(mailsTo("claimed@example.org")).as("sent once").hasSize(1);
    }

    private static MimeMessage awaitMail(String address, int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<MimeMessage> received = mailsTo(address);
            if (received.size() >= count) {
                return received.getLast();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + address + " within 10 s");
    }
}
