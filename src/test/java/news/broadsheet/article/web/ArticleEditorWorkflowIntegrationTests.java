package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
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

/** The editor as a reporter and an editor use it: one form, the publishing panel, preview, diffs. */
@IntegrationTest
class ArticleEditorWorkflowIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    Instant start;
    Section section;
    Author author;

    @BeforeEach
    void setUp() {
        start = clock.instant();
        section = newsroom.section("Harbours");
        author = newsroom.author("Ines Varga");
    }

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    @Test
    void givesEveryInputATypeAndTheHeadlineAndStandfirstTheSerifFields() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Pilot boats return to service", "The pilots are back.");

        Document page = editor.get(editUrl(id)).page();

        assertThat(page.select("input:not([type])")).isEmpty();
        assertThat(page.selectFirst(".field--headline input#headline").attr("type"))
                .isEqualTo("text");
        assertThat(page.selectFirst(".field--standfirst textarea#standfirst")).isNotNull();
        String css =
                http.get(page.selectFirst("link[rel=stylesheet]").attr("href")).body();
        assertThat(css).containsPattern("\\.field--headline input \\{ font: 700 [^}]*Georgia");
        assertThat(css).containsPattern("\\.field--standfirst textarea \\{ font: [^}]*Georgia");
        assertThat(css).containsPattern("input\\[type=\"text\"\\][^{]*\\{\\s*width: 100%");
    }

    @Test
    void submittingForReviewSavesWhatTheReporterTypedFirst() {
        StaffClient reporter = signIn(Role.REPORTER);
        long id = create(reporter, "Tug crews vote on new rota", "First draft.");
        Document form = reporter.get(editUrl(id)).page();
        assertThat(form.selectFirst(".publish__next").text()).isEqualTo("Submit for review");
        assertThat(form.selectFirst(".publish__next").attr("form")).isEqualTo("story-form");

        Http.Response submitted =
                submit(reporter, id, form, "body", "Second draft, typed just now.", "intent", "submit");

        assertThat(submitted.status()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("in_review");
        assertThat(body(id)).isEqualTo("Second draft, typed just now.");
        Document after = reporter.get(editUrl(id)).page();
        assertThat(after.select(".publish__next"))
                .as("nothing left for the reporter to do")
                .isEmpty();
        assertThat(after.selectFirst(".publish__waiting").text()).contains("Waiting for an editor");
    }

    @Test
    void publishingSavesWhatTheEditorTypedFirst() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Lock gates reopen", "Before the edit.");
        Document form = editor.get(editUrl(id)).page();
        assertThat(form.selectFirst(".publish__next").text()).isEqualTo("Publish now");

        Http.Response published = submit(editor, id, form, "body", "After the edit.", "intent", "publish");

        assertThat(published.status()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("published");
        Document live = editor.get(editUrl(id)).page();
        String url = live.selectFirst(".editor__facts a[href^=/]").attr("href");
        assertThat(http.get(url).page().selectFirst(".story__body").text()).isEqualTo("After the edit.");
        assertThat(live.select(".publish__next")).isEmpty();
        assertThat(live.selectFirst("details button[value=unpublish]"))
                .as("taking a story down is tucked away")
                .isNotNull();
    }

    @Test
    void showsTheScheduledTimeExactlyAsScheduledAndSavesTypedChanges() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Ferry strike called off", "Draft.");
        // 08:16 two days on: not a full hour, which the field used to round to.
        String at = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(2) + "T08:16";

        Http.Response scheduled = submit(
                editor,
                id,
                editor.get(editUrl(id)).page(),
                "body",
                "Scheduled text.",
                "intent",
                "schedule",
                "publishAt",
                at);

        assertThat(scheduled.status()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("scheduled");
        assertThat(body(id)).isEqualTo("Scheduled text.");
        Document page = editor.get(editUrl(id)).page();
        assertThat(page.selectFirst("#publishAt").val()).isEqualTo(at);
        assertThat(page.selectFirst("label[for=publishAt]").text()).startsWith("Scheduled for");
        assertThat(page.selectFirst(".editor__facts time").attr("datetime")).isEqualTo(at + ":00Z");
        assertThat(page.selectFirst("button[value=cancel-schedule]").text()).isEqualTo("Cancel schedule");
        assertThat(page.select("button[value=unpublish]"))
                .as("no red button to cancel a schedule")
                .isEmpty();
    }

    @Test
    void cancelsAScheduleBackToReviewWithoutPublishing() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Dredger arrives early", "Text.");
        String at = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(3) + "T10:45";
        submit(editor, id, editor.get(editUrl(id)).page(), "intent", "schedule", "publishAt", at);

        Http.Response cancelled = submit(editor, id, editor.get(editUrl(id)).page(), "intent", "cancel-schedule");

        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("in_review");
        assertThat(database.jdbc()
                        .sql("SELECT published_at FROM article WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .optional())
                .isEmpty();
        Document page = editor.get(cancelled.location()).page();
        assertThat(page.selectFirst(".notice").text()).contains("Taken off the schedule");
        assertThat(page.selectFirst(".publish__next").text()).isEqualTo("Publish now");
        clock.advance(Duration.ofDays(4));
        assertThat(http.get(section.url()).page().select(".card__headline a").eachText())
                .doesNotContain("Dredger arrives early");
        assertThat(actions(id)).contains("article.schedule-cancelled");
    }

    @Test
    void returnsAStoryToItsReporterWithANote() {
        StaffClient reporter = signIn(Role.REPORTER);
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(reporter, "Quay wall cracks widen", "Claims without a source.");
        submit(reporter, id, reporter.get(editUrl(id)).page(), "intent", "submit");

        Http.Response noNote =
                submit(editor, id, editor.get(editUrl(id)).page(), "intent", "return", "returnNote", " ");
        assertThat(noNote.status()).isEqualTo(422);
        assertThat(noNote.page().selectFirst("#returnNote-error").text()).contains("what to change");
        assertThat(status(id)).isEqualTo("in_review");

        Http.Response returned = submit(
                editor,
                id,
                editor.get(editUrl(id)).page(),
                "intent",
                "return",
                "returnNote",
                "Name the engineer, please.");

        assertThat(returned.status()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("draft");
        Document reporterView = reporter.get(editUrl(id)).page();
        assertThat(reporterView.select("#notes .note__body").eachText()).contains("Name the engineer, please.");
        assertThat(reporterView.selectFirst(".publish__next").text()).isEqualTo("Submit for review");
        assertThat(actions(id)).contains("article.returned");
    }

    @Test
    void keepsEmbargoAndExpiryInADisclosureAndKeepsWhatWasTypedWhenAStepIsRefused() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Cargo volumes fall", "Original.");
        Document page = editor.get(editUrl(id)).page();
        assertThat(page.selectFirst("details:has(summary:contains(Embargo and expiry)) #embargoUntil"))
                .isNotNull();
        assertThat(page.selectFirst("details:has(#expiresAt)")).isNotNull();
        String past = LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(1) + "T09:00";

        Http.Response refused =
                submit(editor, id, page, "body", "Typed before scheduling.", "intent", "schedule", "publishAt", past);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.page().selectFirst(".form-problem").text()).startsWith("Your changes were saved, but");
        assertThat(refused.page().selectFirst("#publishAt-error").text()).contains("future");
        assertThat(refused.page().selectFirst("#publishAt").val()).isEqualTo(past);
        assertThat(body(id)).isEqualTo("Typed before scheduling.");
        assertThat(status(id)).isEqualTo("draft");
        Http.Response again = submit(editor, id, refused.page(), "body", "Typed again.");
        assertThat(again.status()).as("the kept form carries the saved version").isEqualTo(302);
    }

    @Test
    void refusesAnUnknownStepWithoutSaving() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Buoy lights fail", "Kept.");

        Http.Response unknown = submit(editor, id, editor.get(editUrl(id)).page(), "body", "Lost?", "intent", "launch");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.page().selectFirst("#body").text()).isEqualTo("Lost?");
        assertThat(body(id)).isEqualTo("Kept.");
    }

    @Test
    void previewsTheSavedDraftWithThePublicStoryTemplate() {
        StaffClient reporter = signIn(Role.REPORTER);
        long id = create(reporter, "Harbour master retires", "After **forty** years.");

        Document preview = reporter.get("/admin/articles/" + id + "/preview").page();

        assertThat(preview.selectFirst("body").hasClass("admin")).isFalse();
        assertThat(preview.selectFirst(".preview-banner").text()).startsWith("Draft preview.");
        assertThat(preview.selectFirst("article.story h1").text()).isEqualTo("Harbour master retires");
        assertThat(preview.selectFirst(".story .byline a").text()).isEqualTo("Ines Varga");
        assertThat(preview.selectFirst(".trail").text()).contains("Harbours");
        assertThat(preview.selectFirst(".story__body strong").text()).isEqualTo("forty");
        assertThat(http.get("/admin/articles/" + id + "/preview").status())
                .as("staff only")
                .isIn(302, 401, 403);
    }

    @Test
    void marksTheWordsThatChangedBetweenRevisions() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(
                editor, "Crane count", "Twelve cranes stood idle on the north quay.\n\nThe second <paragraph> stays.");
        submit(
                editor,
                id,
                editor.get(editUrl(id)).page(),
                "body",
                "Fourteen cranes stood idle on the north quay.\n\nThe second <paragraph> stays.");

        Document diff =
                editor.get("/admin/articles/" + id + "/revisions?from=0&to=1").page();

        assertThat(diff.select(".diff__line del").eachText()).containsExactly("Twelve");
        assertThat(diff.select(".diff__line ins").eachText()).containsExactly("Fourteen");
        assertThat(diff.selectFirst(".diff__line--added").text())
                .contains("Fourteen cranes stood idle on the north quay.");
        assertThat(diff.select(".diff__line--same").eachText()).contains("The second <paragraph> stays.");
        assertThat(diff.select(".diff__line paragraph"))
                .as("revision text is escaped")
                .isEmpty();
    }

    @Test
    void autosavesADraftAndHandsBackTheVersionTheFormMustCarry() {
        StaffClient reporter = signIn(Role.REPORTER);
        long id = create(reporter, "Pontoon repairs begin", "First words.");
        Document page = reporter.get(editUrl(id)).page();
        String autosaveUrl = page.selectFirst("#story-form").attr("data-autosave-url");
        assertThat(autosaveUrl).isEqualTo("/admin/articles/" + id + "/autosave");
        String script = page.selectFirst("head script[src]").attr("src");
        assertThat(script).matches("/assets/js/editor-[0-9a-f]{32}\\.js");
        assertThat(http.get(script).body()).contains("beforeunload");

        Http.Response saved = post(reporter, autosaveUrl, page, "body", "First words, and more.");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("\"version\":1").contains("saved automatically");
        assertThat(body(id)).isEqualTo("First words, and more.");
        assertThat(database.jdbc()
                        .sql("SELECT note FROM article_revision WHERE article_id = ? ORDER BY version DESC")
                        .param(id)
                        .query(String.class)
                        .list())
                .first()
                .isEqualTo("Autosaved");
        Http.Response stale = post(reporter, autosaveUrl, page, "body", "From an old tab.");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else saved");
        assertThat(body(id)).isEqualTo("First words, and more.");
        Http.Response unfinished =
                post(reporter, autosaveUrl, reporter.get(editUrl(id)).page(), "headline", "");
        assertThat(unfinished.status()).isEqualTo(422);
        assertThat(unfinished.body()).contains("Not saved automatically yet");
    }

    @Test
    void neverAutosavesAStoryReadersCanSee() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Harbour tolls rise", "Live text.");
        submit(editor, id, editor.get(editUrl(id)).page(), "intent", "publish");
        Document page = editor.get(editUrl(id)).page();
        assertThat(page.selectFirst("#story-form").hasAttr("data-autosave-url")).isFalse();

        Http.Response refused = post(editor, "/admin/articles/" + id + "/autosave", page, "body", "Half-typed");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(body(id)).isEqualTo("Live text.");
    }

    // --- helpers ----------------------------------------------------------------------------

    private StaffClient signIn(Role role) {
        Account account = newsroom.staff(role);
        return StaffClient.signIn(http, account.username(), Newsroom.PASSWORD);
    }

    private long create(StaffClient staff, String headline, String body) {
        Http.Response response = staff.post(
                "/admin/articles",
                "headline",
                headline,
                "standfirst",
                "A standfirst.",
                "body",
                body,
                "sectionId",
                String.valueOf(section.id()),
                "authorIds",
                String.valueOf(author.id()),
                "version",
                "0");
        assertThat(response.status()).as("create " + headline).isEqualTo(302);
        return Long.parseLong(response.location().replaceAll("^/admin/articles/(\\d+)/edit.*$", "$1"));
    }

    /** Submits the editor's form as loaded (with the controls tied to it by form=), some fields changed. */
    static Http.Response submit(StaffClient staff, long id, Document page, String... changes) {
        return post(staff, "/admin/articles/" + id, page, changes);
    }

    static Http.Response post(StaffClient staff, String path, Document page, String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> pairs = new java.util.ArrayList<>();
        for (Element input :
                page.select("#story-form input[name], #story-form textarea[name], [form=story-form][name]")) {
            if (input.tagName().equals("button")
                    || (input.attr("type").equals("checkbox") && !input.hasAttr("checked"))
                    || input.attr("name").equals("_csrf")) {
                continue;
            }
            fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
        }
        for (Element select : page.select("#story-form select[name]")) {
            for (Element option : select.select("option[selected]")) {
                pairs.add(select.attr("name"));
                pairs.add(option.val());
            }
        }
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        fields.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return staff.post(path, pairs.toArray(String[]::new));
    }

    private String status(long id) {
        return database.jdbc()
                .sql("SELECT status FROM article WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String body(long id) {
        return database.jdbc()
                .sql("SELECT body_markdown FROM article WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private List<String> actions(long id) {
        return database.jdbc()
                .sql("SELECT action FROM audit_event WHERE subject_type = 'article' AND subject_id = ? ORDER BY id")
                .param(id)
                .query(String.class)
                .list();
    }

    private static String editUrl(long id) {
        return "/admin/articles/" + id + "/edit";
    }
}
