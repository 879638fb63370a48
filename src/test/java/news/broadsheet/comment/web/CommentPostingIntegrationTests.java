package news.broadsheet.comment.web;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posting comments under the default policy, {@code pre}: every comment waits for a moderator. */
@IntegrationTest
class CommentPostingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    Comments comments;

    @Autowired
    TestDatabaseQueries database;

    Section section;
    Author reporter;
    ArticleSummary story;

    @BeforeEach
    void setUp() {
        section = newsroom.section("Politics");
        reporter = newsroom.author("Iris Vane");
        story = newsroom.article(section, reporter).publish();
    }

    @Test
    void holdsCommentForModerationAndSaysSo() {
        Http.Response posted = post(story, "Ada Reader", "ada@example.org", "A thoughtful remark.");

        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.location()).isEqualTo(story.url() + "?comment=pending#comments-notice");
        Document page = http.get(posted.location()).page();
        assertThat(page.getElementById("comments-notice").text())
                .contains("will appear once a moderator has approved it");
        assertThat(page.getElementById("comments-notice").hasClass("notice")).isTrue();
        assertThat(page.select(".comment")).isEmpty();
        assertThat(page.selectFirst(".comments__empty").text()).isEqualTo("No comments available for this post.");
    }

    @Test
    void saysAboveTheFormThatCommentsAreReviewedFirst() {
        Document page = http.get(story.url()).page();

        Element note = page.selectFirst("#comment-form #comment-review-note");
        assertThat(note.text()).isEqualTo("Comments are reviewed by a moderator before they appear.");
        assertThat(note.nextElementSiblings().select("form"))
                .as("above the form")
                .isNotEmpty();
    }

    @Test
    void quotesTheCommentBeingRepliedToWithoutJavaScript() {
        long parent = postAndApprove(story, "Ada Reader", "", "The council should publish the full budget.");

        Document page = http.get(story.url() + "?replyto=" + parent).page();

        assertThat(page.selectFirst("#comment-form .comment-form__replying").text())
                .startsWith("Replying to Ada Reader.");
        assertThat(page.selectFirst("#comment-form blockquote.comment-quote").text())
                .isEqualTo("The council should publish the full budget.");
        assertThat(page.selectFirst("#comment-form input[name=parentId]").val()).isEqualTo(String.valueOf(parent));
    }

    @Test
    void answersTheScriptWithJsonForAcceptedAndRefusedComments() throws Exception {
        Http.Response accepted = http.postForm(
                action(story),
                form("name", "Script Reader", "email", "", "body", "Sent by the page's script."),
                "Accept",
                "application/json");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.header("Content-Type")).startsWith("application/json");
        JsonNode answer = JSON.readTree(accepted.body());
        assertThat(answer.get("status").asString()).isEqualTo("pending");
        assertThat(answer.get("notice").asString()).contains("once a moderator has approved it");
        assertThat(comments.status(answer.get("commentId").asLong())).contains(CommentStatus.PENDING);

        Http.Response refused = http.postForm(
                action(story),
                form("name", "Script Reader", "email", "not-an-email", "body", "Text to keep."),
                "Accept",
                "application/json");

        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("errors").get("email").asString())
                .isEqualTo("Please enter a valid email address, or leave the field empty.");
        Document form =
                org.jsoup.Jsoup.parseBodyFragment(problem.get("formHtml").asString());
        assertThat(form.selectFirst("#comment-form textarea[name=body]").text()).isEqualTo("Text to keep.");
        assertThat(form.selectFirst("#comment-email").val()).isEqualTo("not-an-email");
        assertThat(form.selectFirst("#comment-email-error").text()).startsWith("Please enter a valid email");
    }

    @Test
    void showsTheReportedCommentAndLandsOnTheNoticeAfterReporting() throws Exception {
        long id = postAndApprove(story, "Ada Reader", "", "A remark someone may not like. ".repeat(12));

        Document page = http.get("/comments/" + id + "/report").page();

        assertThat(page.selectFirst(".comment-reported__author").text()).isEqualTo("Ada Reader");
        assertThat(page.selectFirst(".comment-reported time").attr("datetime")).isNotBlank();
        assertThat(page.selectFirst(".comment-reported blockquote").text())
                .startsWith("A remark someone may not like.")
                .endsWith("…")
                .hasSizeLessThanOrEqualTo(CommentForms.EXCERPT_LENGTH + 1);

        Http.Response noReason = http.postForm("/comments/" + id + "/report", form("reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.page().selectFirst("form.report-form .form-problem").text())
                .isEqualTo("Please choose what is wrong with the comment.");

        Http.Response reported = http.postForm("/comments/" + id + "/report", form("reason", "spam"));
        assertThat(reported.status()).isEqualTo(303);
        assertThat(reported.location()).endsWith("?comment=reported-" + id + "#comments-notice");

        Http.Response byScript =
                http.postForm("/comments/" + id + "/report", form("reason", "off-topic"), "Accept", "application/json");
        assertThat(byScript.status()).isEqualTo(200);
        assertThat(JSON.readTree(byScript.body()).get("notice").asString()).startsWith("Thank you for your report");
    }

    @Test
    void showsCommentOnceApprovedWithPermalinkAndWithoutEmail() {
        long id = postAndApprove(story, "Ada Reader", "ada@example.org", "A thoughtful remark.");

        Document page = http.get(story.url()).page();

        Element comment = page.getElementById("comment-" + id);
        assertThat(comment).isNotNull();
        assertThat(comment.selectFirst(".comment__author").text()).isEqualTo("Ada Reader");
        assertThat(comment.selectFirst(".comment__body").text()).isEqualTo("A thoughtful remark.");
        assertThat(comment.selectFirst("a.comment__permalink").attr("href")).isEqualTo("#comment-" + id);
        assertThat(page.selectFirst(".story__comment-count").text()).isEqualTo("1 comment");
        assertThat(page.html()).doesNotContain("ada@example.org");
    }

    @Test
    void threadsRepliesUnderTheirParentsThreeLevelsDeep() {
        long first = postAndApprove(story, "First", "", "Top-level comment.");
        Document withReplyLink = http.get(story.url()).page();
        String replyHref = withReplyLink
                .getElementById("comment-" + first)
                .selectFirst("a.comment__reply")
                .attr("href");
        assertThat(replyHref).isEqualTo(story.url() + "?replyto=" + first + "#comment-form");
        Document replyForm = http.get(replyHref).page();
        assertThat(replyForm.selectFirst(".comment-form__replying").text()).startsWith("Replying to First.");
        assertThat(replyForm.selectFirst("input[name=parentId]").val()).isEqualTo(String.valueOf(first));

        long second = postAndApprove(story, "Second", "", "A reply.", first);
        long third = postAndApprove(story, "Third", "", "A reply to the reply.", second);
        long fourth = postAndApprove(story, "Fourth", "", "Deeper still.", third);

        Document page = http.get(story.url()).page();
        Element firstItem = page.getElementById("comment-" + first).parent();
        Element secondItem = page.getElementById("comment-" + second).parent();
        Element thirdItem = page.getElementById("comment-" + third).parent();
        assertThat(firstItem.selectFirst("> ol.comment-list > li > article").id())
                .isEqualTo("comment-" + second);
        assertThat(secondItem.selectFirst("> ol.comment-list > li > article").id())
                .isEqualTo("comment-" + third);
        assertThat(thirdItem.selectFirst("> ol.comment-list > li > article").id())
                .isEqualTo("comment-" + fourth);
        assertThat(page.select("#comments > ol.comment-list > li")).hasSize(1);
        assertThat(page.selectFirst(".story__comment-count").text()).isEqualTo("4 comments");
    }

    @Test
    void refusesRepliesToUnknownOrUnapprovedComments() {
        assertThat(post(story, "Ada", "", "Held comment.").status()).isEqualTo(303);
        long pendingId = database.commentId(story.id(), "Held comment.");
        ArticleSummary other = newsroom.article(section, reporter).publish();
        long elsewhere = postAndApprove(other, "Bo", "", "On another story.");

        for (String parent :
                List.of(String.valueOf(pendingId), "999999999", String.valueOf(elsewhere), "not-a-number")) {
            Http.Response response = http.postForm(
                    action(story), form("name", "Cy", "email", "", "body", "My reply text.", "parentId", parent));
            Document page = response.page();
            assertThat(response.status()).as(parent).isEqualTo(422);
            assertThat(page.selectFirst("#comment-parent-error").text())
                    .as(parent)
                    .contains("not available");
            assertThat(page.selectFirst("textarea[name=body]").text()).isEqualTo("My reply text.");
            assertThat(page.selectFirst("input[name=name]").val()).isEqualTo("Cy");
        }
    }

    @Test
    void turnsPlainTextIntoParagraphsAndSafeLinks() {
        long id = postAndApprove(
                story,
                "<b>Mallory</b>",
                "",
                "First line\nsecond line.\n\nSee https://example.org/report?a=1&b=2. <script>alert(1)</script>");

        Element comment = http.get(story.url()).page().getElementById("comment-" + id);

        assertThat(comment.selectFirst(".comment__author").text()).isEqualTo("<b>Mallory</b>");
        assertThat(comment.select(".comment__body p")).hasSize(2);
        assertThat(comment.select(".comment__body br")).hasSize(1);
        assertThat(comment.select("script")).isEmpty();
        Element link = comment.selectFirst(".comment__body a");
        assertThat(link.attr("href")).isEqualTo("https://example.org/report?a=1&b=2");
        assertThat(link.attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(comment.selectFirst(".comment__body").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void rejectsEmptyNameAndCommentKeepingInput() {
        Http.Response response = http.postForm(action(story), form("name", "  ", "email", "", "body", ""));

        assertThat(response.status()).isEqualTo(422);
        Document page = response.page();
        assertThat(page.selectFirst("#comment-name-error").text()).isEqualTo("Please enter your name.");
        assertThat(page.selectFirst("#comment-body-error").text()).isEqualTo("Please write a comment.");
        assertThat(page.selectFirst("input[name=name]").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst(".form-problem").text()).contains("not posted");
        assertThat(page.selectFirst("a[href=" + story.url() + "]").text()).isEqualTo(story.headline());
    }

    @Test
    void rejectsOverlongNameAndCommentKeepingInput() {
        String longName = "N".repeat(81);
        String longBody = "word ".repeat(1001);
        Http.Response response =
                http.postForm(action(story), form("name", longName, "email", "me@example.org", "body", longBody));

        assertThat(response.status()).isEqualTo(422);
        Document page = response.page();
        assertThat(page.selectFirst("#comment-name-error").text())
                .contains("81 characters")
                .contains("80");
        assertThat(page.selectFirst("#comment-body-error").text())
                .contains("5,004 characters")
                .contains("5,000");
        assertThat(page.selectFirst("input[name=name]").val()).isEqualTo(longName);
        assertThat(page.selectFirst("input[name=email]").val()).isEqualTo("me@example.org");
        assertThat(page.selectFirst("textarea[name=body]").wholeText()).isEqualTo(longBody);
    }

    @Test
    void acceptsLimitsExactly() {
        String name = "Ñ".repeat(80);
        String body = "é".repeat(5000);

        assertThat(post(story, name, "", body).status()).isEqualTo(303);
    }

    @Test
    void rejectsInvalidEmailKeepingInput() {
        for (String email : List.of("not-an-email", "a@b", "two@@example.org", "spaces in@example.org")) {
            Http.Response response =
                    http.postForm(action(story), form("name", "Ada", "email", email, "body", "Hello."));
            assertThat(response.status()).as(email).isEqualTo(422);
            assertThat(response.page().selectFirst("#comment-email-error").text())
                    .isEqualTo("Please enter a valid email address, or leave the field empty.");
            assertThat(response.page().selectFirst("input[name=email]").val()).isEqualTo(email.strip());
        }
    }

    @Test
    void refusesCommentsOnClosedStories() {
        ArticleSummary closed =
                newsroom.article(section, reporter).commentsClosed().publish();

        Document page = http.get(closed.url()).page();
        assertThat(page.select("form[action=" + action(closed) + "]")).isEmpty();
        assertThat(page.selectFirst(".comments__closed").text()).isEqualTo("Comments are closed on this story.");

        Http.Response response = post(closed, "Ada", "", "Let me in.");
        assertThat(response.status()).isEqualTo(403);
        Document refusal = response.page();
        assertThat(refusal.selectFirst(".form-problem").text()).startsWith("Comments are closed on this story");
        assertThat(refusal.select("main form")).isEmpty();
        assertThat(refusal.selectFirst("textarea[readonly]").text()).isEqualTo("Let me in.");
    }

    @Test
    void refusesCommentsOnUnknownOrUnpublishedStoriesKeepingTheText() {
        long draft =
                newsroom.article(section, reporter).status(ArticleStatus.DRAFT).create();

        for (String path :
                List.of("/articles/" + draft + "/comments", "/articles/987654321/comments", "/articles/abc/comments")) {
            Http.Response response = http.postForm(path, form("name", "A", "body", "My careful words."));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.page().selectFirst(".form-problem").text())
                    .as(path)
                    .contains("not available");
            assertThat(response.page().selectFirst("textarea[readonly]").text()).isEqualTo("My careful words.");
            assertThat(response.page().select("main form")).isEmpty();
        }
    }

    @Test
    void refusesControlCharactersWithAMessageOnBothDatabases() {
        Http.Response response =
                http.postForm(action(story), form("name", "Nul\u0000l", "body", "Text\u0000with a NUL"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.page().selectFirst("#comment-name-error").text()).contains("control characters");
        assertThat(response.page().selectFirst("#comment-body-error").text()).contains("control characters");
        assertThat(post(story, "Tab\tOk", "", "Lines\r\nand\ttabs are fine.").status())
                .isEqualTo(303);
    }

    @Test
    void refusesFormsSubmittedFromOtherSites() {
        Http.Response response = http.postForm(
                action(story), form("name", "Ada", "body", "Sent by another site."), "Sec-Fetch-Site", "cross-site");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.page().selectFirst(".form-problem").text()).contains("only be posted from this site");
        assertThat(http.postForm(action(story), form("name", "Ada", "body", "Mine."), "Sec-Fetch-Site", "same-origin")
                        .status())
                .isEqualTo(303);
    }

    @Test
    void linksEachErrorInTheSummaryToItsFieldAndFocusesTheFirst() {
        Http.Response response = http.postForm(action(story), form("name", "", "email", "bad", "body", ""));

        Document page = response.page();
        assertThat(page.select(".form-problem li a").eachAttr("href"))
                .containsExactly("#comment-name", "#comment-email", "#comment-body");
        assertThat(page.selectFirst("#comment-name").hasAttr("autofocus")).isTrue();
        assertThat(page.selectFirst("#comment-body").hasAttr("autofocus")).isFalse();
    }

    @Test
    void refusesAFieldSentTwiceInsteadOfJoiningItsValues() {
        String body = "One comment, " + Newsroom.unique("twice");
        Http.Response response = http.postRaw(
                action(story),
                "application/x-www-form-urlencoded",
                "name=Ann&name=Bob&email=&body=" + java.net.URLEncoder.encode(body, StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.page().selectFirst("#comment-name-error").text()).isEqualTo("Please check this field.");
        assertThat(response.page().selectFirst("textarea[name=body]").text()).isEqualTo(body);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM comment WHERE body LIKE ?")
                        .param("%" + body + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(http.get("/search/suggest?q=harbour&q=strike").status()).isEqualTo(400);
    }

    @Test
    void quietlyHoldsAsSpamWhatAProgramSendsAndTellsItNothing() {
        Document page = http.get(story.url()).page();
        assertThat(page.selectFirst(".field--trap").attr("aria-hidden")).isEqualTo("true");
        assertThat(page.selectFirst("input[name=website]").attr("tabindex")).isEqualTo("-1");
        assertThat(page.selectFirst("input[type=hidden][name=fillMs]")).isNotNull();

        Http.Response trapped = http.postForm(
                action(story), form("name", "Bot", "email", "", "body", "Cheap pills here", "website", "x.example"));
        Http.Response hasty = http.postForm(
                action(story), form("name", "Quick", "email", "", "body", "Typed in no time", "fillMs", "300"));
        Http.Response person = http.postForm(
                action(story), form("name", "Rae", "email", "", "body", "Took my time over this", "fillMs", "9000"));

        for (Http.Response response : List.of(trapped, hasty, person)) {
            assertThat(response.status()).isEqualTo(303);
            assertThat(response.location()).contains("comment=pending");
        }
        assertThat(comments.status(database.commentId(story.id(), "Cheap pills here")))
                .contains(CommentStatus.SPAM);
        assertThat(comments.status(database.commentId(story.id(), "Typed in no time")))
                .contains(CommentStatus.SPAM);
        assertThat(comments.status(database.commentId(story.id(), "Took my time over this")))
                .contains(CommentStatus.PENDING);
        assertThat(database.jdbc()
                        .sql("SELECT reasons FROM comment WHERE id = ?")
                        .param(database.commentId(story.id(), "Cheap pills here"))
                        .query(String.class)
                        .single())
                .contains("filled the hidden field");
    }

    @Test
    void neverAnswersOddRequestsWithServerErrors() {
        List<Http.Response> responses = List.of(
                http.postRaw(action(story), "application/json", "{\"name\":\"A\"}"),
                http.postRaw(action(story), "application/x-www-form-urlencoded", "name=%ZZ&body=%"),
                http.postRaw(action(story), "application/x-www-form-urlencoded", "parentId=99999999999999999999999"),
                http.postRaw(action(story), "multipart/form-data; boundary=x", "--x--"),
                http.postForm("/articles/" + Long.MAX_VALUE + "/comments", form("name", "A", "body", "B")),
                http.postForm("/articles/99999999999999999999/comments", form("name", "A", "body", "B")),
                http.get("/articles/" + story.id() + "/comments"),
                http.request("PUT", story.url()),
                http.request("DELETE", "/"),
                http.get(story.url() + "?replyto=abc"),
                http.get(story.url() + "?replyto=99999999999999999999"),
                http.get("/tag/%00"),
                http.get("/%C0%AE%C0%AE/x"),
                http.get("/assets/css/missing.css"),
                http.get("/assets/../application.properties"));
        for (Http.Response response : responses) {
            assertThat(response.status())
                    .as(response.raw().request().method() + " " + response.raw().uri())
                    .isBetween(200, 499);
            assertThat(response.body()).doesNotContain("Exception", "at java.", "at org.springframework");
        }
    }

    private Http.Response post(ArticleSummary article, String name, String email, String body) {
        return http.postForm(action(article), form("name", name, "email", email, "body", body));
    }

    private long postAndApprove(ArticleSummary article, String name, String email, String body, long... parent) {
        var fields = form("name", name, "email", email, "body", body);
        if (parent.length > 0) {
            fields.put("parentId", String.valueOf(parent[0]));
        }
        Http.Response response = http.postForm(action(article), fields);
        assertThat(response.status()).isEqualTo(303);
        long id = database.commentId(article.id(), body);
        assertThat(comments.status(id)).contains(CommentStatus.PENDING);
        comments.approve(id);
        return id;
    }

    private static String action(ArticleSummary article) {
        return "/articles/" + article.id() + "/comments";
    }
}
