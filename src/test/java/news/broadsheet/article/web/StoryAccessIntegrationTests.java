package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may open which story in the newsroom (issue 14): a reporter only the stories they created or
 * are bylined on, everywhere under {@code /admin/articles}; editors every story. A story a reporter
 * may not see answers 404, as an unknown one does, so its existence is not revealed.
 */
@IntegrationTest
class StoryAccessIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    Authors authors;

    @Autowired
    TestDatabaseQueries database;

    Instant start;
    Section section;
    Author bylineA;
    Author bylineB;
    StaffClient reporterA;
    StaffClient reporterB;
    StaffClient editor;
    String marker;
    long draftOfB;
    long scheduledOfB;
    long draftOfA;
    long sharedByB;

    @BeforeEach
    void setUp() {
        start = clock.instant();
        section = newsroom.section("Rivers");
        marker = Newsroom.unique("Weir");
        Account accountA = newsroom.staff(Role.REPORTER);
        Account accountB = newsroom.staff(Role.REPORTER);
        bylineA = authors.linkAccount(newsroom.author("Anna Reed").id(), accountA.id(), Actor.SYSTEM);
        bylineB = authors.linkAccount(newsroom.author("Bruno Marsh").id(), accountB.id(), Actor.SYSTEM);
        reporterA = StaffClient.signIn(http, accountA.username(), Newsroom.PASSWORD);
        reporterB = StaffClient.signIn(http, accountB.username(), Newsroom.PASSWORD);
        editor = StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);

        draftOfB = create(reporterB, marker + " B's secret draft", bylineB);
        scheduledOfB = create(reporterB, marker + " B's embargoed scoop", bylineB);
        String at = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(2) + "T09:00";
        assertThat(editor.post(workflowUrl(scheduledOfB), "action", "schedule", "publishAt", at)
                        .status())
                .isEqualTo(302);
        draftOfA = create(reporterA, marker + " A's own draft", bylineA);
        sharedByB = create(reporterB, marker + " written together", bylineB, bylineA);
    }

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    @Test
    void answersNotFoundToAReporterForEveryPageOfAnotherReportersDraft() {
        assertHiddenFromReporterA(draftOfB, "B's secret draft");
    }

    @Test
    void answersNotFoundToAReporterForEveryPageOfAnotherReportersScheduledStory() {
        assertHiddenFromReporterA(scheduledOfB, "B's embargoed scoop");
    }

    @Test
    void refusesEveryActionOnAnotherReportersStoryAsNotFoundAndChangesNothing() {
        for (long id : List.of(draftOfB, scheduledOfB)) {
            String status = status(id);
            List<Http.Response> answers = List.of(
                    reporterA.post(
                            "/admin/articles/" + id,
                            "headline",
                            "Hijacked",
                            "standfirst",
                            "x",
                            "body",
                            "x",
                            "sectionId",
                            String.valueOf(section.id()),
                            "authorIds",
                            String.valueOf(bylineA.id()),
                            "version",
                            "0"),
                    reporterA.post("/admin/articles/" + id, "intent", "preview", "headline", "Peek"),
                    reporterA.post(workflowUrl(id), "action", "submit"),
                    reporterA.post("/admin/articles/" + id + "/autosave", "headline", "Hijacked", "version", "0"),
                    reporterA.post("/admin/articles/" + id + "/notes", "text", "Hello"),
                    reporterA.post("/admin/articles/" + id + "/notes/1/resolve"),
                    reporterA.post("/admin/articles/" + id + "/corrections", "kind", "correction", "text", "x"),
                    reporterA.post("/admin/articles/" + id + "/image/remove"),
                    reporterA.post("/admin/articles/" + id + "/revisions/0/restore", "expectedVersion", "0"));

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.raw().uri().toString()).isEqualTo(404);
                assertThat(answer.body()).doesNotContain(marker);
            });
            assertThat(headline(id)).doesNotContain("Hijacked");
            assertThat(status(id)).isEqualTo(status);
            assertThat(notes(id)).isZero();
        }
    }

    @Test
    void letsAReporterOpenAndWorkOnTheirOwnDraft() {
        assertOpenTo(reporterA, draftOfA);

        Http.Response saved = ArticleEditorWorkflowIntegrationTests.submit(
                reporterA, draftOfA, reporterA.get(editUrl(draftOfA)).page(), "body", "Reworded.");
        Http.Response submitted = reporterA.post(workflowUrl(draftOfA), "action", "submit");

        assertThat(saved.status()).isEqualTo(302);
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(status(draftOfA)).isEqualTo("in_review");
    }

    @Test
    void letsAReporterOpenAndWorkOnAStoryTheyAreBylinedOn() {
        assertOpenTo(reporterA, sharedByB);

        Document page = reporterA.get(editUrl(sharedByB)).page();
        Http.Response saved =
                ArticleEditorWorkflowIntegrationTests.submit(reporterA, sharedByB, page, "body", "A's paragraph.");
        Http.Response noted = reporterA.post("/admin/articles/" + sharedByB + "/notes", "text", "Added mine.");
        Http.Response submitted = reporterA.post(workflowUrl(sharedByB), "action", "submit");

        assertThat(page.select("#story-form [name=body][disabled], #story-form fieldset[disabled]"))
                .as("the co-author may edit, not only read")
                .isEmpty();
        assertThat(saved.status()).isEqualTo(302);
        assertThat(noted.status()).isEqualTo(302);
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(status(sharedByB)).isEqualTo("in_review");
    }

    @Test
    void handsTheStoryBackWhenAReporterTakesThemselvesOffTheByline() {
        Document page = reporterA.get(editUrl(sharedByB)).page();

        Http.Response saved = reporterA.post(
                "/admin/articles/" + sharedByB,
                "headline",
                marker + " written together",
                "standfirst",
                "A standfirst.",
                "body",
                "B's story now.",
                "sectionId",
                String.valueOf(section.id()),
                "authorIds",
                String.valueOf(bylineB.id()),
                "version",
                page.selectFirst("#story-form input[name=version]").val());

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).isEqualTo("/admin/articles");
        assertThat(reporterA.get(editUrl(sharedByB)).status()).isEqualTo(404);
        assertThat(reporterB.get(editUrl(sharedByB)).status()).isEqualTo(200);
    }

    @Test
    void stillRefusesAReporterStepsOnlyEditorsTakeOnStoriesTheyMaySee() {
        Http.Response publish = reporterA.post(workflowUrl(sharedByB), "action", "publish");

        assertThat(publish.status()).isEqualTo(403);
        assertThat(status(sharedByB)).isEqualTo("draft");
    }

    @Test
    void letsAnEditorOpenEveryStoryAndSaveAnotherReportersDraft() {
        for (long id : List.of(draftOfB, scheduledOfB, draftOfA, sharedByB)) {
            assertOpenTo(editor, id);
        }

        Http.Response saved = ArticleEditorWorkflowIntegrationTests.submit(
                editor, draftOfB, editor.get(editUrl(draftOfB)).page(), "body", "Edited by the desk.");

        assertThat(saved.status()).isEqualTo(302);
    }

    @Test
    void listsForAReporterOnlyTheStoriesTheyCreatedOrAreBylinedOn() {
        Document mine = reporterA.get("/admin/articles?q=" + marker).page();
        Document everything = editor.get("/admin/articles?q=" + marker).page();

        assertThat(mine.select("tbody a").eachAttr("href"))
                .containsExactlyInAnyOrder(editUrl(draftOfA), editUrl(sharedByB));
        assertThat(mine.text()).doesNotContain("B's secret draft", "B's embargoed scoop");
        assertThat(everything.select("tbody a").eachAttr("href"))
                .containsExactlyInAnyOrder(
                        editUrl(draftOfB), editUrl(scheduledOfB), editUrl(draftOfA), editUrl(sharedByB));
    }

    @Test
    void answersNotFoundThroughTheApiForAStoryTheReporterMayNotSee() {
        String token = reporterA.createApiToken("access", "", "articles:write");

        assertThat(apiGet("/api/v1/articles/" + draftOfB + "/draft", token).status())
                .isEqualTo(404);
        assertThat(apiGet("/api/v1/articles/" + scheduledOfB + "/draft", token).status())
                .isEqualTo(404);
        assertThat(apiGet("/api/v1/articles/" + sharedByB + "/draft", token).status())
                .isEqualTo(200);
    }

    // --- helpers ----------------------------------------------------------------------------

    private void assertHiddenFromReporterA(long id, String headline) {
        for (String path : List.of(
                editUrl(id),
                "/admin/articles/" + id + "/revisions",
                "/admin/articles/" + id + "/revisions?from=0&to=0",
                "/admin/articles/" + id + "/preview")) {
            Http.Response answer = reporterA.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain(headline);
        }
    }

    private void assertOpenTo(StaffClient staff, long id) {
        for (String path : List.of(
                editUrl(id),
                "/admin/articles/" + id + "/revisions",
                "/admin/articles/" + id + "/revisions?from=0&to=0",
                "/admin/articles/" + id + "/preview")) {
            assertThat(staff.get(path).status()).as(path).isEqualTo(200);
        }
    }

    private long create(StaffClient staff, String headline, Author... bylines) {
        List<String> fields = new java.util.ArrayList<>(List.of(
                "headline",
                headline,
                "standfirst",
                "A standfirst.",
                "body",
                "Body of " + headline + ".",
                "sectionId",
                String.valueOf(section.id()),
                "version",
                "0"));
        for (Author byline : bylines) {
            fields.add("authorIds");
            fields.add(String.valueOf(byline.id()));
        }
        Http.Response response = staff.post("/admin/articles", fields.toArray(String[]::new));
        assertThat(response.status()).as("create " + headline).isEqualTo(302);
        return Long.parseLong(response.location().replaceAll("^/admin/articles/(\\d+)/edit.*$", "$1"));
    }

    private Http.Response apiGet(String path, String token) {
        return http.send(HttpRequest.newBuilder().header("Authorization", "Bearer " + token), path);
    }

    private String status(long id) {
        return database.jdbc()
                .sql("SELECT status FROM article WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String headline(long id) {
        return database.jdbc()
                .sql("SELECT headline FROM article WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private int notes(long id) {
        return database.jdbc()
                .sql("SELECT COUNT(*) FROM editorial_note WHERE article_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private static String editUrl(long id) {
        return "/admin/articles/" + id + "/edit";
    }

    private static String workflowUrl(long id) {
        return "/admin/articles/" + id + "/workflow";
    }
}
