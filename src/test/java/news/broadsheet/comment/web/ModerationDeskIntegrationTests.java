package news.broadsheet.comment.web;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The moderation desk: queues, decisions one at a time and in bulk, featuring, and the audit trail. */
@IntegrationTest
class ModerationDeskIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

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
                .contains("Held Reader", "held@example.org", story.headline(), "record: 0 approved, 0 rejected")
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
        assertThat(done.location()).startsWith("/admin/comments?queue=pending&done=1");
        assertThat(http.get(story.url()).page().getElementById("comment-" + id)).isNotNull();
        assertThat(audit(id)).containsExactly("comment.approve|");
    }

    @Test
    void rejectsInBulkWithAReasonAndRecordsEachDecision() {
        long first = post("Bo", "", "Off topic one.");
        long second = post("Cy", "", "Off topic two.");

        moderator.post(
                "/admin/comments/moderate",
                "ids",
                String.valueOf(first),
                "ids",
                String.valueOf(second),
                "action",
                "reject",
                "reason",
                "Off-topic");

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
        return database.jdbc()
                .sql("SELECT status FROM comment WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
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
