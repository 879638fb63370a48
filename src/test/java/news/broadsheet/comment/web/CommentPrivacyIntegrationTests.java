package news.broadsheet.comment.web;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reader sees, downloads and erases the comments they wrote with an e-mail address, after
 * proving the address through a mailed link; whoever types an address learns nothing about it.
 */
@IntegrationTest(
        properties = {
            "broadsheet.comments.moderation=post",
            "broadsheet.site.base-url=https://news.example.org",
            "broadsheet.rate-limit.privacy-per-hour=3",
            "broadsheet.rate-limit.reports-per-hour=3"
        })
class CommentPrivacyIntegrationTests {

    private static final Pattern LINK = Pattern.compile("https://news\\.example\\.org(/comments/privacy/[0-9a-f]{64})");

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    ArticleSummary story;

    @BeforeEach
    void setUp() {
        story = newsroom.article(newsroom.section("World"), newsroom.author("Ines Barros"))
                .headline("Lighthouse keepers return " + Newsroom.unique("l"))
                .publish();
    }

    @Test
    void aReaderExportsAndErasesTheirCommentsAfterConfirmingTheirAddress() throws Exception {
        String email = Newsroom.unique("Ola") + "@Example.org";
        long answered = post("Ola", email, "The lamp was electrified in 1961.", null);
        post("Pia", "pia@example.org", "My grandfather kept it until then.", answered);
        long ownFollowUp = post("Ola", email, "Thank you, Pia, I did not know that.", answered);
        long alone = post("Ola", email, "Are visits allowed in winter?", null);
        long someoneElse = post("Rui", "rui@example.org", "Only on Sundays.", null);

        Http reader = http.browserAt("127.0.0.41");
        Document asked = reader.get("/comments/privacy").page();
        assertThat(asked.selectFirst("h1").text()).isEqualTo("Your comments");
        Http.Response sent = reader.postForm("/comments/privacy", form("email", email.toLowerCase()));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.page().selectFirst("h1").text()).isEqualTo("Check your e-mail");
        String mail = onlyMailTo(email.toLowerCase());
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM comment_privacy_request WHERE token_hash = ?")
                        .param(link.group(1).substring("/comments/privacy/".length()))
                        .query(Integer.class)
                        .single())
                .as("the database keeps no working link")
                .isZero();
        reader.postForm("/comments/privacy", form("email", email));
        assertThat(mailsTo(email))
                .as("one link in ten minutes, however often asked")
                .hasSize(1);

        Http.Response page = reader.get(link.group(1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.page().select(".privacy-comments__list li")).hasSize(3);
        assertThat(page.body())
                .contains("The lamp was electrified", "Are visits allowed", story.headline())
                .doesNotContain("Only on Sundays", "My grandfather");

        Http.Response export = reader.get(link.group(1) + "/comments.json");
        assertThat(export.header("Content-Disposition")).contains("attachment");
        JsonNode exported = json.readTree(export.body());
        assertThat(exported.get("comments").valueStream().map(c -> c.get("text").asString()))
                .containsExactly(
                        "The lamp was electrified in 1961.",
                        "Thank you, Pia, I did not know that.",
                        "Are visits allowed in winter?");
        assertThat(exported.get("comments").get(1).get("inReplyTo").asLong()).isEqualTo(answered);
        assertThat(exported.get("comments").get(0).get("url").asString())
                .isEqualTo("https://news.example.org" + story.url() + "#comment-" + answered);

        Http.Response unconfirmed = reader.postForm(link.group(1) + "/erase", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.page().selectFirst("[role=alert]").text()).contains("tick the box");
        assertThat(commentsBy(email)).as("nothing erased unconfirmed").isEqualTo(3);

        Http.Response erased = reader.postForm(link.group(1) + "/erase", form("confirm", "yes"));
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.page().selectFirst("main h1 + p").text()).startsWith("3 comments were erased");
        assertThat(commentsBy(email)).isZero();
        assertThat(exists(alone)).as("a comment nobody answered is deleted").isFalse();
        assertThat(exists(ownFollowUp)).isFalse();
        assertThat(exists(answered))
                .as("an answered one keeps the replies' place")
                .isTrue();
        assertThat(exists(someoneElse)).isTrue();
        assertThat(mailsTo(email)).as("mail to the address is forgotten too").isEmpty();

        String thread = http.get(story.url()).body();
        assertThat(thread)
                .contains("This comment was removed at its author&#39;s request.", "My grandfather kept it")
                .doesNotContain("electrified", "Are visits allowed", "I did not know that");
        assertThat(reader.get(link.group(1)).status())
                .as("the link ends with the erasure")
                .isEqualTo(404);
    }

    @Test
    void anAddressWithoutCommentsGetsTheSameAnswerAndNoMail() {
        Http reader = http.browserAt("127.0.0.42");
        String nobody = Newsroom.unique("nobody") + "@example.org";

        Http.Response answer = reader.postForm("/comments/privacy", form("email", nobody));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.page().selectFirst("h1").text()).isEqualTo("Check your e-mail");
        assertThat(mailsTo(nobody)).isEmpty();
    }

    @Test
    void aBadAddressIsRefusedWithTheFormKeptAndAnExpiredLinkSaysSo() {
        Http reader = http.browserAt("127.0.0.43");
        Http.Response refused = reader.postForm("/comments/privacy", form("email", "ola at example"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().selectFirst("[role=alert]").text()).contains("valid e-mail address");
        assertThat(refused.page().selectFirst("#privacy-email").attr("value")).isEqualTo("ola at example");

        String email = Newsroom.unique("late") + "@example.org";
        post("Late", email, "Is the ferry running?", null);
        reader.postForm("/comments/privacy", form("email", email));
        Matcher link = LINK.matcher(onlyMailTo(email));
        assertThat(link.find()).isTrue();
        clock.advance(Duration.ofMinutes(61));
        Http.Response expired = reader.get(link.group(1));
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.page().selectFirst("h1").text()).isEqualTo("This link no longer works");
        assertThat(reader.postForm(link.group(1) + "/erase", form("confirm", "yes"))
                        .status())
                .isEqualTo(404);
        assertThat(reader.get("/comments/privacy/not-a-token").status()).isEqualTo(404);
        assertThat(commentsBy(email)).isEqualTo(1);
    }

    @Test
    void requestsAndReportsFromOneClientAreLimited() {
        Http client = http.browserAt("127.0.0.44");
        Http.Response first = client.postForm("/comments/privacy", form("email", "a@example.org"));
        Http.Response second = client.postForm("/comments/privacy", form("email", "b@example.org"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isNotNull();
        assertThat(second.page().selectFirst("[role=alert]").text()).contains("Please try again in");
        assertThat(second.page().selectFirst("#privacy-email").attr("value")).isEqualTo("b@example.org");

        long one = post("Sol", "sol@example.org", "The beam reaches 40 km.", null);
        long two = post("Tor", "tor@example.org", "Spam spam spam.", null);
        assertThat(client.postForm("/comments/" + one + "/report", form("reason", "other"))
                        .status())
                .isEqualTo(303);
        Http.Response refused = client.postForm("/comments/" + two + "/report", form("reason", "spam"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.page().selectFirst("[role=alert]").text()).contains("many reports");
        assertThat(http.browserAt("127.0.0.45")
                        .postForm("/comments/" + two + "/report", form("reason", "spam"))
                        .status())
                .as("another reader")
                .isEqualTo(303);
    }

    private long post(String name, String email, String body, Long parent) {
        var fields = form("name", name, "email", email, "body", body);
        if (parent != null) {
            fields.put("parentId", String.valueOf(parent));
        }
        assertThat(http.postForm("/articles/" + story.id() + "/comments", fields)
                        .status())
                .isEqualTo(303);
        return database.commentId(story.id(), body);
    }

    private int commentsBy(String email) {
        return database.jdbc()
                .sql("SELECT COUNT(*) FROM comment WHERE LOWER(author_email) = LOWER(?)")
                .param(email)
                .query(Integer.class)
                .single();
    }

    private boolean exists(long comment) {
        return database.commentStatus(comment).isPresent();
    }

    private List<String> mailsTo(String recipient) {
        return database.jdbc()
                .sql("SELECT body FROM mail_outbox WHERE LOWER(recipient) = LOWER(?) AND kind = 'comment-privacy'")
                .param(recipient)
                .query(String.class)
                .list();
    }

    private String onlyMailTo(String recipient) {
        List<String> mails = mailsTo(recipient);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }
}
