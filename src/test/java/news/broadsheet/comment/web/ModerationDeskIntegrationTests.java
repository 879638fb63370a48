package news.broadsheet.comment.web;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The moderation desk: queues, decisions one at a time and in bulk, featuring, the notice that says
 * what was done and its Undo, reports, rule hits, commenters' records, and the audit trail.
 */
@IntegrationTest
class ModerationDeskIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    MutableClock clock;

    Section section;
    Author author;
    ArticleSummary story;
    StaffClient moderator;

    @BeforeEach
    void setUp() {
        section = newsroom.section("Science");
        author = newsroom.author("Lea Holm");
        story = newsroom.article(section, author).publish();
        moderator = StaffClient.signIn(http, newsroom.staff(Role.MODERATOR).username(), Newsroom.PASSWORD);
    }

    @Test
    void letsModeratorsEditorsAndAdminsInButNotReporters() {
        for (Role role : Role.values()) {
            StaffClient staff = StaffClient.signIn(http, newsroom.staff(role).username(), Newsroom.PASSWORD);
            int expected = role == Role.REPORTER ? 403 : 200;
            assertThat(staff.get("/admin/comments").status()).as(role + " desk").isEqualTo(expected);
            assertThat(staff.post("/admin/comments/moderate", "action", "approve", "ids", "1")
                            .status())
                    .as(role + " moderate")
                    .isEqualTo(role == Role.REPORTER ? 403 : 302);
        }
    }

    @Test
    void showsHeldCommentsWithTheirStoryRecordAndReasons() {
        long id = post("Held Reader", "held@example.org", "Please look at this.");

        Element row = deskRow(id, "/admin/comments?article=" + story.id());

        assertThat(row.text())
                .contains(
                        "Held Reader", "held@example.org", story.headline(), "record by email: 0 approved, 0 rejected")
                .contains("policy: every comment is held");
        assertThat(moderator
                        .get("/admin/comments?article=" + story.id())
                        .page()
                        .selectFirst(".queue-tabs a[aria-current=page]")
                        .text())
                .isEqualTo("Pending (1)");
    }

    @Test
    void approvesOneCommentSoReadersSeeIt() {
        long id = post("Ann", "", "Worth reading.");

        Http.Response done = moderator.post(
                "/admin/comments/moderate", "single", id + ":approve", "returnTo", "/admin/comments?queue=pending");

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).matches("/admin/comments\\?queue=pending&done=[0-9a-f]{24}#desk-notice");
        assertThat(http.get(story.url()).page().getElementById("comment-" + id)).isNotNull();
        assertThat(audit(id)).containsExactly("comment.approve|");
        Element notice = moderator.get(done.location()).page().getElementById("desk-notice");
        assertThat(notice.text()).isEqualTo("Approved the comment by Ann. Undo");
        assertThat(notice.selectFirst("button").attr("form")).isEqualTo("desk-undo");
    }

    @Test
    void rejectsInBulkWithAReasonAndRecordsEachDecision() {
        long first = post("Bo", "", "Off topic one.");
        long second = post("Cy", "", "Off topic two.");

        Http.Response done = moderator.post(
                "/admin/comments/moderate",
                "ids",
                String.valueOf(first),
                "ids",
                String.valueOf(second),
                "action",
                "reject",
                "reason",
                "Off-topic");

        assertThat(notice(done)).isEqualTo("Rejected 2 comments as Off-topic. Undo");
        assertThat(status(first)).isEqualTo("rejected");
        assertThat(status(second)).isEqualTo("rejected");
        assertThat(audit(first)).containsExactly("comment.reject|Off-topic");
        assertThat(deskRow(second, "/admin/comments?queue=rejected&article=" + story.id())
                        .text())
                .contains("Rejected: Off-topic");
    }

    @Test
    void marksSpamAndFeaturesCommentsWhichReadersSeeFirst() {
        long early = post("Early", "", "First in time.");
        long late = post("Late", "", "Best comment.");
        long junk = post("Junk", "", "Buy now.");
        moderator.post(
                "/admin/comments/moderate",
                "ids",
                String.valueOf(early),
                "ids",
                String.valueOf(late),
                "action",
                "approve");
        moderator.post("/admin/comments/moderate", "single", late + ":feature");
        moderator.post("/admin/comments/moderate", "single", junk + ":spam");

        Document page = http.get(story.url()).page();

        List<String> order =
                page.select("#comments > ol.comment-list > li > article").eachAttr("id");
        assertThat(order).containsExactly("comment-" + late, "comment-" + early);
        assertThat(page.getElementById("comment-" + late)
                        .selectFirst(".comment__featured")
                        .text())
                .isEqualTo("Featured");
        assertThat(status(junk)).isEqualTo("spam");
    }

    @Test
    void pagesLongQueuesNewestFirstWithoutRepeats() {
        for (int i = 0; i < ModerationDeskController.PAGE_SIZE + 5; i++) {
            database.jdbc()
                    .sql("INSERT INTO comment (article_id, author_name, body, status, created_at, client_address_hash)"
                            + " VALUES (?, ?, ?, 'pending', ?, 'x')")
                    .params(story.id(), "Bulk " + i, "Text " + i, 1_000_000L + i / 2)
                    .update();
        }
        Document first = moderator.get("/admin/comments?article=" + story.id()).page();
        Document second =
                moderator.get(first.selectFirst("a[rel=next]").attr("href")).page();

        List<String> ids =
                new java.util.ArrayList<>(first.select("input[name=ids]").eachAttr("value"));
        ids.addAll(second.select("input[name=ids]").eachAttr("value"));
        assertThat(ids).hasSize(ModerationDeskController.PAGE_SIZE + 5).doesNotHaveDuplicates();
    }

    @Test
    void publishesStaffCommentsAtOnceWithABadge() {
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);

        Http.Response posted = editor.post(
                "/articles/" + story.id() + "/comments",
                "name",
                "The Editor",
                "email",
                "",
                "body",
                "Thanks for reading.");

        assertThat(posted.location()).contains("?comment=published-");
        Element comment = http.get(story.url()).page().selectFirst("article.comment:has(.comment__staff)");
        assertThat(comment.selectFirst(".comment__author").text()).isEqualTo("The Editor");
        assertThat(comment.selectFirst(".comment__staff").text()).isEqualTo("Staff");
        assertThat(http.get(story.url()).page().select(".comment__staff")).hasSize(1);
    }

    @Test
    void treatsAStaffSessionWithoutItsFormTokenAsAReader() {
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);

        // What another site's hidden form would send from a signed-in editor's browser: no token.
        Http.Response posted = editor.postWithoutCsrf(
                "/articles/" + story.id() + "/comments",
                "name",
                "The Editor",
                "email",
                "",
                "body",
                "Posted by a page elsewhere.");

        assertThat(posted.status()).isEqualTo(303);
        long id = database.commentId(story.id(), "Posted by a page elsewhere.");
        assertThat(status(id)).as("held like any reader's comment").isEqualTo("pending");
        assertThat(database.jdbc()
                        .sql("SELECT staff_account_id FROM comment WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void pagesStoriesWithManyCommentsWithoutLoadingThemAll() {
        int total = news.broadsheet.comment.CommentThread.PAGE_SIZE + 7;
        for (int i = 0; i < total; i++) {
            database.jdbc()
                    .sql("INSERT INTO comment (article_id, author_name, body, status, created_at, client_address_hash)"
                            + " VALUES (?, ?, ?, 'approved', ?, 'x')")
                    .params(story.id(), "Reader " + i, "Comment " + i, 2_000_000L + i)
                    .update();
        }

        Document first = http.get(story.url()).page();
        Element more = first.selectFirst("#comments a[rel=next]");
        Document second = http.get(more.attr("href")).page();

        assertThat(first.selectFirst(".story__comment-count").text()).isEqualTo(total + " comments");
        assertThat(first.select("#comments > ol.comment-list > li"))
                .hasSize(news.broadsheet.comment.CommentThread.PAGE_SIZE);
        assertThat(more.text()).isEqualTo("More comments");
        List<String> ids =
                new java.util.ArrayList<>(first.select("article.comment").eachAttr("id"));
        ids.addAll(second.select("article.comment").eachAttr("id"));
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();
        assertThat(second.selectFirst("#comments a[rel=next]")).isNull();
    }

    @Test
    void neverRedirectsOutsideTheDesk() {
        Http.Response response =
                moderator.post("/admin/comments/moderate", "action", "approve", "returnTo", "https://evil.example/");

        assertThat(response.location()).startsWith("/admin/comments");
    }

    @Test
    void rejectsOneCommentWithTheReasonChosenOnIt() {
        long id = post("Bea", "", "Nothing to do with the story.");

        Http.Response done = moderator.post(
                "/admin/comments/moderate",
                "single",
                id + ":reject",
                "reason",
                "Other",
                "reason-" + id,
                "Personal attack",
                "returnTo",
                "/admin/comments?queue=pending&article=" + story.id());

        assertThat(status(id)).isEqualTo("rejected");
        assertThat(audit(id)).containsExactly("comment.reject|Personal attack");
        assertThat(notice(done)).isEqualTo("Rejected the comment by Bea as Personal attack. Undo");
    }

    @Test
    void bansTheCommenterForTheLengthChosenOnTheComment() {
        long id = post("Troll", "troll@example.org", "Inflammatory nonsense.");
        Instant now = clock.instant();

        Http.Response done = moderator.post(
                "/admin/comments/moderate",
                "single",
                id + ":ban",
                "reason-" + id,
                "Abusive or hateful",
                "banDays-" + id,
                "7",
                "banDays",
                "0");

        assertThat(status(id)).isEqualTo("rejected");
        assertThat(notice(done))
                .isEqualTo(
                        "Rejected the comment by Troll as Abusive or hateful and banned the commenter for 7 days. Undo");
        long until = database.jdbc()
                .sql("SELECT until_at FROM comment_ban WHERE email = 'troll@example.org'")
                .query(Long.class)
                .single();
        assertThat(Instant.ofEpochMilli(until)).isEqualTo(now.plus(Duration.ofDays(7)));
    }

    @Test
    void undoPutsTheCommentBackAsItWasAndLiftsTheBanItMade() {
        long id = post("Dee", "dee@example.org", "Approved, featured, then banned by mistake.");
        moderator.post("/admin/comments/moderate", "single", id + ":approve");
        moderator.post("/admin/comments/moderate", "single", id + ":feature");
        Http.Response banned = moderator.post(
                "/admin/comments/moderate",
                "single",
                id + ":ban",
                "banDays-" + id,
                "0",
                "returnTo",
                "/admin/comments?queue=approved&article=" + story.id());
        assertThat(status(id)).isEqualTo("rejected");
        assertThat(activeBans("dee@example.org")).isEqualTo(1);
        Element undoForm = moderator.get(banned.location()).page().getElementById("desk-undo");

        Http.Response undone = moderator.post(
                "/admin/comments/undo",
                "token",
                undoForm.selectFirst("input[name=token]").val(),
                "returnTo",
                undoForm.selectFirst("input[name=returnTo]").val());

        assertThat(status(id)).isEqualTo("approved");
        assertThat(featured(id)).isTrue();
        assertThat(activeBans("dee@example.org")).isZero();
        assertThat(undone.location()).startsWith("/admin/comments?queue=approved&article=" + story.id() + "&done=");
        Document after = moderator.get(undone.location()).page();
        assertThat(after.getElementById("desk-notice").text())
                .isEqualTo("Undone: rejected the comment by Dee as Other and banned the commenter for good.");
        assertThat(after.getElementById("desk-undo")).as("nothing left to undo").isNull();
        assertThat(after.getElementById("desk-comment-" + id))
                .as("back in the approved queue")
                .isNotNull();
        assertThat(audit(id)).endsWith("comment.undo|back to approved, featured");
        assertThat(moderator
                        .post(
                                "/admin/comments/undo",
                                "token",
                                undoForm.selectFirst("input[name=token]").val())
                        .status())
                .isEqualTo(409);
        assertThat(moderator
                        .post("/admin/comments/undo", "token", "0123456789abcdef01234567")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void showsTheNoticeWhereTheCommentStood() {
        long oldest = post("One", "", "The oldest of three.");
        long middle = post("Two", "", "The middle of three.");
        long newest = post("Three", "", "The newest of three.");
        String queue = "/admin/comments?queue=pending&article=" + story.id();

        Http.Response done =
                moderator.post("/admin/comments/moderate", "single", middle + ":approve", "returnTo", queue);

        Document page = moderator.get(done.location()).page();
        List<String> order = page.select(".desk__list > li").eachAttr("id");
        assertThat(order).containsExactly("desk-comment-" + newest, "desk-notice", "desk-comment-" + oldest);
    }

    @Test
    void refusesAnUnknownActionWithAMessage() {
        long id = post("Eve", "", "Waiting for a decision.");

        Http.Response response = moderator.post("/admin/comments/moderate", "single", id + ":obliterate");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Choose what to do with the comments");
        assertThat(status(id)).isEqualTo("pending");
    }

    @Test
    void showsHowManyReadersReportedAndWhy() {
        long id = post("Fay", "", "A comment readers dislike.");
        moderator.post("/admin/comments/moderate", "single", id + ":approve");
        for (String[] report : new String[][] {{"a", "spam"}, {"b", "abuse"}, {"c", "spam"}}) {
            database.jdbc()
                    .sql(
                            "INSERT INTO comment_report (comment_id, reporter_key, reason, created_at) VALUES (?, ?, ?, 1)")
                    .params(id, report[0], report[1])
                    .update();
        }
        String reported = "/admin/comments?queue=reported&article=" + story.id();

        assertThat(deskRow(id, reported).selectFirst(".desk__reports").text())
                .isEqualTo("Reported by 3 readers: spam (2), abusive (1)");

        // Approving clears the reports; undoing the approval puts them back.
        Http.Response kept =
                moderator.post("/admin/comments/moderate", "single", id + ":approve", "returnTo", reported);
        assertThat(moderator.get(reported).page().getElementById("desk-comment-" + id))
                .isNull();
        Element undoForm = moderator.get(kept.location()).page().getElementById("desk-undo");
        moderator.post(
                "/admin/comments/undo",
                "token",
                undoForm.selectFirst("input[name=token]").val());
        assertThat(deskRow(id, reported).selectFirst(".desk__reports").text())
                .isEqualTo("Reported by 3 readers: spam (2), abusive (1)");
    }

    @Test
    void marksTheWordsAndLinksThatHeldACommentWithoutTrustingItsMarkup() {
        setting("suspect-words", "cheap");
        setting("max-links", "0");
        try {
            long id = post(
                    "Mal",
                    "",
                    "<script>alert('cheap')</script> Cheap <b>pills</b> at https://cheap.example/pills, cheaper elsewhere");

            Element body = deskRow(id, "/admin/comments?article=" + story.id()).selectFirst(".desk__body");

            assertThat(body.select("script, b")).isEmpty();
            assertThat(body.text()).startsWith("<script>alert('cheap')</script> Cheap <b>pills</b>");
            assertThat(body.select("mark").eachText()).containsExactly("cheap", "Cheap", "https://cheap.example/pills");
            assertThat(body.selectFirst("mark > a").attr("href")).isEqualTo("https://cheap.example/pills");
        } finally {
            database.jdbc().sql("DELETE FROM moderation_setting").update();
        }
    }

    @Test
    void labelsEachRecordByWhatItIsKeyedOnWithoutMixingThem() {
        long withEmail = post("Gil", "gil@example.org", "Signed with an email.");
        moderator.post("/admin/comments/moderate", "single", withEmail + ":approve");
        int approvedFromHere = database.jdbc()
                .sql("SELECT COUNT(*) FROM comment WHERE status = 'approved' AND client_address_hash ="
                        + " (SELECT client_address_hash FROM comment WHERE id = ?)")
                .param(withEmail)
                .query(Integer.class)
                .single();
        long anonymous = post("Gil", "", "Signed with nothing.");
        long otherEmail = post("Hal", "hal@example.org", "A first comment from the same network.");
        String queue = "/admin/comments?article=" + story.id();

        assertThat(deskRow(anonymous, queue).selectFirst(".desk__record").text())
                .startsWith("record by network address: " + approvedFromHere + " approved,");
        assertThat(deskRow(otherEmail, queue).selectFirst(".desk__record").text())
                .isEqualTo("record by email: 0 approved, 0 rejected");
    }

    @Test
    void keepsAnEmailAsTypedAndKnowsItsCommenterInAnyCase() {
        long first = post("Ivy", "Ivy.Stone@Example.org", "First, with capitals.");
        moderator.post("/admin/comments/moderate", "single", first + ":approve");
        long second = post("Ivy", "ivy.stone@example.ORG", "Second, typed another way.");

        assertThat(database.jdbc()
                        .sql("SELECT author_email FROM comment WHERE id = ?")
                        .param(first)
                        .query(String.class)
                        .single())
                .isEqualTo("Ivy.Stone@Example.org");
        assertThat(deskRow(second, "/admin/comments?article=" + story.id())
                        .selectFirst(".desk__record")
                        .text())
                .isEqualTo("record by email: 1 approved, 0 rejected");
    }

    @Test
    void linksTheStoryForModeratorsAndTheEditorForEditors() {
        long pending = post("Ivy", "", "Still waiting.");
        long approved = post("Jon", "", "Already public.");
        moderator.post("/admin/comments/moderate", "single", approved + ":approve");
        StaffClient editor =
                StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);

        Element held = deskRow(pending, "/admin/comments?article=" + story.id());
        Element shown = deskRow(approved, "/admin/comments?queue=approved&article=" + story.id());

        assertThat(held.selectFirst("a.desk__story").attr("href")).isEqualTo(story.url());
        assertThat(held.selectFirst("a.desk__in-place").attr("href")).isEqualTo(story.url());
        assertThat(shown.selectFirst("a.desk__in-place").attr("href")).isEqualTo(story.url() + "#comment-" + approved);
        assertThat(shown.selectFirst("a.desk__in-place").text()).startsWith("View on the story");
        assertThat(http.get(story.url()).page().getElementById("comment-" + approved))
                .isNotNull();
        assertThat(editor.get("/admin/comments?article=" + story.id())
                        .page()
                        .getElementById("desk-comment-" + pending)
                        .selectFirst("a.desk__story")
                        .attr("href"))
                .isEqualTo("/admin/articles/" + story.id() + "/edit");
    }

    @Test
    void showsThePendingCountBesideTheDeskLink() {
        post("Kim", "", "One more for the queue.");
        int pending = database.jdbc()
                .sql("SELECT COUNT(*) FROM comment WHERE status = 'pending'")
                .query(Integer.class)
                .single();

        Element link = moderator.get("/admin").page().selectFirst(".admin-nav a[href=/admin/comments]");

        assertThat(link.text()).isEqualTo("Comments (" + pending + ") " + pending + " pending");
        assertThat(link.selectFirst("[aria-hidden=true]").text()).isEqualTo("(" + pending + ")");
        assertThat(link.selectFirst(".visually-hidden").text()).isEqualTo(pending + " pending");
        StaffClient reporter =
                StaffClient.signIn(http, newsroom.staff(Role.REPORTER).username(), Newsroom.PASSWORD);
        assertThat(reporter.get("/admin").page().select(".admin-nav a[href=/admin/comments]"))
                .isEmpty();
    }

    @AfterEach
    void liftBans() {
        // Every test comments from 127.0.0.1: a ban left behind would reject the next test's comments.
        database.jdbc().sql("DELETE FROM comment_ban").update();
    }

    private String notice(Http.Response done) {
        assertThat(done.status()).as("redirect after the action").isEqualTo(302);
        return moderator
                .get(done.location())
                .page()
                .getElementById("desk-notice")
                .text();
    }

    private int activeBans(String email) {
        return database.jdbc()
                .sql("SELECT COUNT(*) FROM comment_ban WHERE email = ? AND (until_at IS NULL OR until_at > ?)")
                .params(email, clock.instant().toEpochMilli())
                .query(Integer.class)
                .single();
    }

    private boolean featured(long id) {
        return database.jdbc()
                .sql("SELECT featured FROM comment WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private void setting(String name, String value) {
        database.jdbc()
                .sql("INSERT INTO moderation_setting (name, value) VALUES (?, ?)")
                .params(name, value)
                .update();
    }

    private long post(String name, String email, String body) {
        assertThat(http.postForm(
                                "/articles/" + story.id() + "/comments",
                                form("name", name, "email", email, "body", body))
                        .status())
                .isEqualTo(303);
        return database.commentId(story.id(), body);
    }

    private Element deskRow(long id, String path) {
        Element row = moderator.get(path).page().getElementById("desk-comment-" + id);
        assertThat(row).as("comment " + id + " on " + path).isNotNull();
        return row;
    }

    private String status(long id) {
        return database.commentStatus(id).orElseThrow();
    }

    private List<String> audit(long id) {
        return database.jdbc()
                .sql(
                        "SELECT action, detail FROM audit_event WHERE subject_type = 'comment' AND subject_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> rs.getString("action") + "|" + rs.getString("detail"))
                .list();
    }
}
