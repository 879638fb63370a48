package news.broadsheet.site.web;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.support.HtmlSafety;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.SharedTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sends hostile input to every public route: whatever arrives, the answer is a page with a 2xx,
 * 3xx or 4xx status, never a 500 or a stack trace, and the input never comes back unescaped.
 */
@IntegrationTest
class HostileRequestsIntegrationTests {

    private static final List<String> OWN_PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "'; DROP TABLE comment; --",
            "../../../../etc/passwd",
            "%00",
            "\u0000",
            "${7*7}",
            "@(1+1)",
            "\uD83D\uDCF0 news",
            "a".repeat(10_000),
            "javascript:alert(1)",
            "\r\nSet-Cookie: x=1");

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    ArticleSummary story;

    @BeforeEach
    void setUp() {
        var section = newsroom.section("World");
        story = newsroom.article(section, newsroom.author("Ed Grey")).publish();
    }

    @Test
    void survivesOwnHostilePayloads() {
        OWN_PAYLOADS.forEach(this::sendEverywhere);
    }

    @Test
    void survivesPublishedXssPayloads() throws IOException {
        List<String> payloads = Files.readAllLines(
                SharedTestData.require("xss/payloadbox-xss-payload-list.txt"), StandardCharsets.UTF_8);
        // Every payload against the page routes; every seventh also through the comment form.
        for (int i = 0; i < payloads.size(); i++) {
            sendToPages(payloads.get(i));
            if (i % 7 == 0) {
                sendToCommentForm(payloads.get(i));
            }
        }
    }

    private void sendEverywhere(String payload) {
        sendToPages(payload);
        sendToCommentForm(payload);
    }

    private void sendToPages(String payload) {
        String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
        check(payload, http.get("/" + encoded));
        check(payload, http.get("/tag/" + encoded));
        check(payload, http.get(story.url() + "?replyto=" + encoded + "&comment=" + encoded));
        check(payload, http.get(story.section().url() + "?before=" + encoded));
    }

    private void sendToCommentForm(String payload) {
        String action = "/articles/" + story.id() + "/comments";
        check(payload, http.postForm(action, form("name", payload, "email", payload, "body", payload)));
        check(payload, http.postForm(action, form("name", "Ok", "body", payload, "parentId", payload)));
    }

    private static void check(String payload, Http.Response response) {
        assertThat(response.status()).as(payload).isBetween(200, 499);
        assertThat(response.body()).as(payload).doesNotContain("at java.", "at org.springframework", "Exception");
        assertThat(HtmlSafety.pageProblems(response.body())).as(payload).isEmpty();
        assertThat(response.header("Set-Cookie")).as(payload).isNull();
    }
}
