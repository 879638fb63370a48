package news.broadsheet.comment;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules every new comment passes through, each recording why it held or refused a comment. */
@IntegrationTest(
        properties = {
            "broadsheet.comments.moderation=post",
            "broadsheet.comments.flood-per-minute=3",
            "broadsheet.comments.repeat-window-minutes=60",
            "broadsheet.comments.trusted-after=2",
            "broadsheet.comments.close-after-days=14",
            "broadsheet.comments.report-threshold=1"
        })
class ModerationRulesIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    Comments comments;

    Instant start;
    Section section;
    Author author;
    ArticleSummary story;

    @BeforeEach
    void setUp() {
        start = clock.instant();
        section = newsroom.section("Politics");
        author = newsroom.author("Rui Costa");
        story = newsroom.article(section, author).publish();
        // Each test comments "from" a fresh minute, so the flood limit of one test never meets another's.
        clock.advance(Duration.ofMinutes(2));
    }

    @AfterEach
    void tearDown() {
        database.jdbc().sql("DELETE FROM moderation_setting").update();
        database.jdbc().sql("DELETE FROM comment_policy").update();
    }

    @Test
    void rejectsBannedWordsAndTellsTheCommenterWhy() {
        setting("banned-words", "scoundrel\nblaggard");

        Http.Response posted = post("Ann", "ann@example.org", "What a Scoundrel this minister is.");

        assertThat(posted.status()).isEqualTo(422);
        org.jsoup.nodes.Document page = posted.page();
        assertThat(page.select(".notice")).as("no success box").isEmpty();
        assertThat(page.selectFirst(".form-problem[role=alert]").text())
                .startsWith("Your comment was not posted: it contains language we do not allow.");
        assertThat(page.selectFirst("main form input[name=name]").val()).isEqualTo("Ann");
        assertThat(page.selectFirst("main form input[name=email]").val()).isEqualTo("ann@example.org");
        assertThat(page.selectFirst("main form textarea[name=body]").text())
                .isEqualTo("What a Scoundrel this minister is.");
        assertThat(lastComment()).isEqualTo("rejected|banned word: scoundrel");

        Http.Response edited = post("Ann", "ann@example.org", "What a rogue this minister is.");
        assertThat(edited.status()).as("the edited comment goes through").isEqualTo(303);
    }

    @Test
    void holdsSuspectWordsAndTooManyLinksRecordingEachReason() {
        setting("suspect-words", "casino");
        setting("max-links", "1");

        post("Bo", "bo@example.org", "Best casino bonus at https://example.org/a and https://example.org/b");

        assertThat(lastComment()).isEqualTo("pending|suspect word: casino\nlinks: 2 (more than 1)");
    }

    @Test
    void holdsCommentersWhoseCommentsAreMostlyRejected() {
        for (CommentStatus status : java.util.List.of(
                CommentStatus.REJECTED, CommentStatus.SPAM, CommentStatus.REJECTED, CommentStatus.APPROVED)) {
            comments.importComment(story.id(), null, "Kay", "kay@example.org", "Earlier " + status, status, start);
        }

        post("Kay", "kay@example.org", "Another comment from Kay.");
        assertThat(lastComment()).isEqualTo("pending|record: 3 of 4 comments rejected");

        // Ninety days on, that record no longer counts.
        clock.advance(Duration.ofDays(91));
        policy("article", story.id(), "post", 1000);
        post("Kay", "kay@example.org", "A fresh start.");
        assertThat(lastComment()).isEqualTo("approved|");
    }

    @Test
    void judgesACommenterOnTheirNewest200CommentsOnly() {
        setting("rejection-rate-percent", "20");
        Instant earlier = clock.instant().minus(Duration.ofDays(10));
        for (int i = 0; i < 150; i++) {
            comments.importComment(
                    story.id(), null, "Lou", "lou@example.org", "Old rant " + i, CommentStatus.REJECTED, earlier);
        }
        for (int i = 0; i < 200; i++) {
            comments.importComment(
                    story.id(),
                    null,
                    "Lou",
                    "lou@example.org",
                    "Civil reply " + i,
                    CommentStatus.APPROVED,
                    earlier.plus(Duration.ofMinutes(1 + i)));
        }

        post("Lou", "lou@example.org", "Mended ways.");
        assertThat(lastComment())
                .as("150 of 350 rejected, but none of the newest 200")
                .isEqualTo("approved|");

        comments.importComment(
                story.id(), null, "Lou", "lou@example.org", "Relapse", CommentStatus.SPAM, clock.instant());
        post("Lou", "lou@example.org", "Sorry about that.");
        assertThat(lastComment()).isEqualTo("approved|");
    }

    @Test
    void refusesTheSameTextTwiceWithAClearMessage() {
        assertThat(post("Cy", "cy@example.org", "I said this once.").status()).isEqualTo(303);

        Http.Response again = post("Cy", "cy@example.org", "I said this once.");

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.page().selectFirst(".form-problem").text()).contains("already posted this comment");
        assertThat(again.page().selectFirst("textarea[readonly]").text()).isEqualTo("I said this once.");
    }

    @Test
    void storesADoubleSubmitOnceThoughBothPassTheChecksAtTheSameMoment() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                news.broadsheet.support.TestDatabase.isPostgresql(),
                "SQLite's writers take turns, so the check inside the write is exact; on PostgreSQL two"
                        + " submits within the same milliseconds can both be stored (a known limit)");
        String body = "Clicked twice in a hurry.";
        List<Integer> statuses = postAtOnce("Dee", "dee@example.org", List.of(body, body, body));

        assertThat(statuses).containsOnlyOnce(303).containsOnly(303, 422);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM comment WHERE body = ?")
                        .param(body)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void holdsABurstFromOneCommenterToTheFloodLimitThoughAllPassTheChecksAtOnce() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                news.broadsheet.support.TestDatabase.isPostgresql(),
                "SQLite's writers take turns, so the check inside the write is exact; on PostgreSQL a burst"
                        + " within the same milliseconds can pass the limit (a known limit)");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bodies.add("Burst comment number " + i + ".");
        }
        List<Integer> statuses = postAtOnce("Eve", "eve@example.org", bodies);

        // The flood limit here is 3 a minute.
        assertThat(statuses).filteredOn(status -> status == 303).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(3);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM comment WHERE body LIKE 'Burst comment number %'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void knowsAnIpv6ReaderByTheirNetworkNotTheirAddress() {
        for (int i = 1; i <= 3; i++) {
            comments.post(new PostComment(
                    story.id(), null, "Vi", null, "From one network, number " + i + ".", "2001:db8:1:2:" + i + "::1"));
        }

        assertThatThrownBy(() -> comments.post(new PostComment(
                        story.id(), null, "Vi", null, "From a rotated address.", "2001:db8:1:2:ffff::7")))
                .as("a new address in the same /64 is the same reader")
                .isInstanceOfSatisfying(
                        CommentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(CommentRefusedException.Reason.FLOODED));
        comments.post(new PostComment(story.id(), null, "Wu", null, "From the next network.", "2001:db8:1:3::1"));
        long id = lastId();

        comments.report(id, "2001:db8:1:2:aaaa::1", "spam");
        comments.report(id, "2001:db8:1:2:bbbb::9", "abuse");
        comments.report(id, "::ffff:192.0.2.1", "spam");
        comments.report(id, "192.0.2.1", "spam");

        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM comment_report WHERE comment_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("one report per /64 and per IPv4 address")
                .isEqualTo(2);
    }

    @Test
    void slowsDownFloodsWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(post("Di", "di@example.org", "Comment number " + i).status())
                    .isEqualTo(303);
        }

        Http.Response flooded = post("Di", "di@example.org", "One more");

        assertThat(flooded.status()).isEqualTo(429);
        assertThat(Integer.parseInt(flooded.header("Retry-After"))).isBetween(1, 61);
        assertThat(flooded.page().selectFirst(".form-problem").text()).contains("faster than we accept");
        assertThat(flooded.page().selectFirst("textarea[name=body]").text()).isEqualTo("One more");
        clock.advance(Duration.ofSeconds(61));
        assertThat(post("Di", "di@example.org", "After a pause").status()).isEqualTo(303);
    }

    @Test
    void holdsNewCommentersUntilTheyHaveEnoughApprovedComments() {
        policy("article", story.id(), "new-commenters");
        assertThat(http.get(story.url())
                        .page()
                        .selectFirst("#comment-review-note")
                        .text())
                .isEqualTo("Comments from new commenters are reviewed by a moderator before they appear.");

        post("Eve", "eve@example.org", "My first comment.");
        assertThat(lastComment()).startsWith("pending|policy: new commenter (0 approved so far)");
        comments.approve(lastId());
        clock.advance(Duration.ofMinutes(1));
        post("Eve", "eve@example.org", "My second comment.");
        comments.approve(lastId());
        clock.advance(Duration.ofMinutes(1));

        post("Eve", "EVE@example.org", "Now I am trusted.");
        assertThat(lastComment()).isEqualTo("approved|");
    }

    @Test
    void takesTheNearestSectionsPolicyUnlessTheArticleOverridesIt() {
        Section child = newsroom.subsection(section, "Elections");
        ArticleSummary inChild = newsroom.article(child, author).publish();
        policy("section", section.id(), "pre");

        assertThat(postOn(inChild, "Fay", "A comment held by the parent section's policy.")
                        .location())
                .endsWith("?comment=pending#comments-notice");
        policy("section", child.id(), "post");
        assertThat(postOn(inChild, "Fay", "The nearer section says post.").location())
                .contains("?comment=published");
        policy("article", inChild.id(), "pre");
        assertThat(postOn(inChild, "Fay", "Now the article says pre.").location())
                .endsWith("?comment=pending#comments-notice");
    }

    @Test
    void closesCommentsByAgeWithOverrides() {
        ArticleSummary old = newsroom.article(section, author)
                .publishedAt(clock.instant().minus(Duration.ofDays(15)))
                .publish();

        assertThat(http.get(old.url()).page().selectFirst(".comments__closed").text())
                .isEqualTo("Comments are closed on this story.");
        assertThat(postOn(old, "Gus", "Too late?").status()).isEqualTo(403);

        policy("article", old.id(), null, 30);
        assertThat(postOn(old, "Gus", "Open again for 30 days.").status()).isEqualTo(303);
    }

    @Test
    void letsTheDeskEditTheRulesAndPoliciesAndAuditsIt() {
        news.broadsheet.support.StaffClient moderator = news.broadsheet.support.StaffClient.signIn(
                http, newsroom.staff(news.broadsheet.account.Role.MODERATOR).username(), Newsroom.PASSWORD);

        Http.Response saved = moderator.post(
                "/admin/comments/settings",
                "bannedWords",
                "Rotter\nknave",
                "suspectWords",
                "",
                "maxLinks",
                "2",
                "repeatWindowMinutes",
                "60",
                "floodPerMinute",
                "3",
                "rejectionRatePercent",
                "50",
                "rejectionRateMinimum",
                "4");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(moderator
                        .get("/admin/comments/settings")
                        .page()
                        .selectFirst("#bannedWords")
                        .text())
                .isEqualTo("rotter\nknave");
        post("Hal", "hal@example.org", "What a rotter.");
        assertThat(lastComment()).isEqualTo("rejected|banned word: rotter");

        assertThat(moderator
                        .post(
                                "/admin/comments/policy",
                                "scope",
                                "section",
                                "id",
                                String.valueOf(section.id()),
                                "policy",
                                "pre",
                                "closeAfterDays",
                                "")
                        .status())
                .isEqualTo(302);
        assertThat(post("Ivy", "ivy@example.org", "Held by the section now.").location())
                .endsWith("?comment=pending#comments-notice");

        Http.Response invalid = moderator.post(
                "/admin/comments/settings",
                "bannedWords",
                "",
                "suspectWords",
                "",
                "maxLinks",
                "many",
                "repeatWindowMinutes",
                "60",
                "floodPerMinute",
                "0",
                "rejectionRatePercent",
                "50",
                "rejectionRateMinimum",
                "4");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'comment.settings-changed'")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void bansACommenterFromTheDeskForAWhile() {
        news.broadsheet.support.StaffClient moderator = news.broadsheet.support.StaffClient.signIn(
                http, newsroom.staff(news.broadsheet.account.Role.MODERATOR).username(), Newsroom.PASSWORD);
        post("Troll", "troll@example.org", "Provocation.");
        long first = lastId();

        moderator.post(
                "/admin/comments/moderate",
                "ids",
                String.valueOf(first),
                "action",
                "ban",
                "reason",
                "Personal attack",
                "banDays",
                "7");

        assertThat(lastComment()).startsWith("rejected|");
        assertThat(moderator
                        .get("/admin/comments/settings")
                        .page()
                        .select("section[aria-labelledby=bans-heading] table tbody tr")
                        .text())
                .contains("troll@example.org", "Personal attack");
        clock.advance(Duration.ofMinutes(2));
        Http.Response banned = post("Troll", "troll@example.org", "Back again.");
        assertThat(lastComment()).endsWith("banned commenter");
        assertThat(banned.status()).isEqualTo(403);
        assertThat(banned.page().select(".notice")).isEmpty();
        assertThat(banned.page().selectFirst(".form-problem").text()).contains("breaks our community rules");
        assertThat(banned.page().selectFirst("textarea[readonly]").text()).isEqualTo("Back again.");
        clock.advance(Duration.ofDays(8));
        post("Troll", "troll@example.org", "After the ban.");
        assertThat(lastComment()).doesNotContain("banned commenter");
    }

    @Test
    void putsReportedCommentsInTheReportedQueueOncePerReader() {
        news.broadsheet.support.StaffClient moderator = news.broadsheet.support.StaffClient.signIn(
                http, newsroom.staff(news.broadsheet.account.Role.MODERATOR).username(), Newsroom.PASSWORD);
        post("Jo", "jo@example.org", "A published comment someone dislikes.");
        long id = lastId();

        org.jsoup.nodes.Document form = http.get(http.get(story.url())
                        .page()
                        .getElementById("comment-" + id)
                        .selectFirst("a.comment__report")
                        .attr("href"))
                .page();
        assertThat(form.select("input[name=reason]")).hasSize(4);
        Http.Response reported = http.postForm("/comments/" + id + "/report", form("reason", "abuse"));
        http.postForm("/comments/" + id + "/report", form("reason", "spam"));

        assertThat(reported.status()).isEqualTo(303);
        assertThat(reported.location()).isEqualTo(story.url() + "?comment=reported-" + id + "#comments-notice");
        org.jsoup.nodes.Element notice = http.get(reported.location()).page().getElementById("comments-notice");
        assertThat(notice.text()).contains("Thank you for your report");
        assertThat(notice.selectFirst("a").attr("href")).isEqualTo("#comment-" + id);
        assertThat(database.jdbc()
                        .sql("SELECT COUNT(*) FROM comment_report WHERE comment_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(moderator.get("/admin/comments?queue=reported").page().getElementById("desk-comment-" + id))
                .isNotNull();
        moderator.post("/admin/comments/moderate", "single", id + ":approve");
        assertThat(moderator.get("/admin/comments?queue=reported").page().getElementById("desk-comment-" + id))
                .as("approving clears the reports")
                .isNull();
        assertThat(http.postForm("/comments/999999/report", form("reason", "spam"))
                        .status())
                .isEqualTo(404);
    }

    private Http.Response post(String name, String email, String body) {
        return http.postForm("/articles/" + story.id() + "/comments", form("name", name, "email", email, "body", body));
    }

    private Http.Response postOn(ArticleSummary article, String name, String body) {
        return http.postForm("/articles/" + article.id() + "/comments", form("name", name, "body", body));
    }

    private void setting(String name, String value) {
        database.jdbc()
                .sql("INSERT INTO moderation_setting (name, value) VALUES (?, ?)")
                .params(name, value)
                .update();
    }

    /** Posts each body from a thread of its own, all released at the same moment; their statuses in order. */
    private List<Integer> postAtOnce(String name, String email, List<String> bodies) throws Exception {
        List<Future<Http.Response>> submits = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(bodies.size())) {
            for (String body : bodies) {
                submits.add(pool.submit(() -> {
                    go.await();
                    return post(name, email, body);
                }));
            }
            go.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (var submit : submits) {
            statuses.add(submit.get().status());
        }
        return statuses;
    }

    private void policy(String scope, long id, String moderation) {
        policy(scope, id, moderation, null);
    }

    private void policy(String scope, long id, String moderation, Integer closeAfterDays) {
        database.jdbc()
                .sql("DELETE FROM comment_policy WHERE scope = ? AND scope_id = ?")
                .params(scope, id)
                .update();
        database.jdbc()
                .sql(
                        "INSERT INTO comment_policy (scope, scope_id, moderation, close_after_days) VALUES (:s, :i, :m, :d)")
                .param("s", scope)
                .param("i", id)
                .param("m", moderation, java.sql.Types.VARCHAR)
                .param("d", closeAfterDays, java.sql.Types.INTEGER)
                .update();
    }

    private long lastId() {
        return database.jdbc()
                .sql("SELECT MAX(id) FROM comment")
                .query(Long.class)
                .single();
    }

    private String lastComment() {
        return database.jdbc()
                .sql("SELECT status, reasons FROM comment WHERE id = ?")
                .param(lastId())
                .query((rs, n) -> rs.getString("status") + "|" + rs.getString("reasons"))
                .single();
    }
}
