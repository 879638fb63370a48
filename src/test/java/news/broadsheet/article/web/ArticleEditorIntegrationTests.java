package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.article.internal.ArticleWorkflow;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
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

@IntegrationTest
class ArticleEditorIntegrationTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    ArticleWorkflow workflow;

    @Autowired
    TestDatabaseQueries database;

    java.time.Instant start;
    Section world;
    Section defense;
    Author author;

    @BeforeEach
    void setUp() {
        start = clock.instant();
        world = newsroom.section("World");
        defense = newsroom.subsection(world, "Defense");
        author = newsroom.author("Kim Laine");
    }

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    @Test
    void walksAStoryFromDraftToExpiryAndAuditsEachStep() {
        StaffClient reporter = signIn(Role.REPORTER);
        StaffClient editor = signIn(Role.EDITOR);
        String headline = "Harbour cranes idle as strike talks stall " + Newsroom.unique("x");

        long id = create(reporter, headline, "Dockers walked out at dawn.");
        assertThat(status(id)).isEqualTo("draft");
        assertThat(reporter.post(workflowUrl(id), "action", "submit").status()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("in_review");

        assertThat(editor.post(
                                workflowUrl(id),
                                "action",
                                "schedule",
                                "publishAt",
                                local(start.plus(Duration.ofHours(1))))
                        .status())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("scheduled");
        assertThat(headlinesOn(defense.url())).doesNotContain(headline);

        clock.advance(Duration.ofMinutes(61));
        assertThat(headlinesOn(defense.url()))
                .as("live on the minute, before the scheduler runs")
                .contains(headline);
        workflow.runDue();
        assertThat(status(id)).isEqualTo("published");

        String url = publicUrl(editor, id);
        // The schedule is rounded up to the next minute, which equals the clock when the test
        // started on a whole minute; a correction must come later than publication to show.
        clock.advance(Duration.ofMinutes(1));
        assertThat(editor.post(
                                "/admin/articles/" + id + "/corrections",
                                "kind",
                                "correction",
                                "text",
                                "An earlier version gave the wrong number of cranes.")
                        .status())
                .isEqualTo(302);
        Document story = http.get(url).page();
        assertThat(story.selectFirst(".corrections__note").text())
                .startsWith("Correction")
                .contains("wrong number of cranes");
        assertThat(story.selectFirst("time.updated")).as("updated time moved").isNotNull();
        assertThat(http.get("/corrections").page().select(".corrections-list a").eachAttr("href"))
                .contains(url);

        clock.advance(Duration.ofMinutes(5));
        assertThat(editor.post(
                                workflowUrl(id),
                                "action",
                                "expiry",
                                "expiresAt",
                                local(clock.instant().plus(Duration.ofHours(1))))
                        .status())
                .isEqualTo(302);
        clock.advance(Duration.ofMinutes(61));
        assertThat(http.get(url).status()).as("gone on the minute").isEqualTo(404);
        workflow.runDue();
        assertThat(status(id)).isEqualTo("unpublished");

        List<String> actions = database.jdbc()
                .sql("SELECT action FROM audit_event WHERE subject_type = 'article' AND subject_id = ? ORDER BY id")
                .param(id)
                .query(String.class)
                .list();
        assertThat(actions)
                .containsSubsequence(
                        "article.created",
                        "article.submitted",
                        "article.scheduled",
                        "article.published",
                        "article.corrected",
                        "article.expiry-set",
                        "article.expired");
    }

    @Test
    void embargoHidesAStoryEverywhereUntilItLifts() {
        StaffClient editor = signIn(Role.EDITOR);
        String tag = Newsroom.unique("Embargo Tag");
        String headline = "Embargoed report on reservoir levels " + Newsroom.unique("x");
        long id = create(editor, headline, "Levels fell by a third.", "tags", tag);
        assertThat(editor.post(workflowUrl(id), "action", "publish").status()).isEqualTo(302);
        String url = publicUrl(editor, id);
        assertThat(editor.post("/admin/articles/" + id + "/corrections", "kind", "update", "text", "Figures added.")
                        .status())
                .isEqualTo(302);

        assertThat(editor.post(
                                workflowUrl(id),
                                "action",
                                "embargo",
                                "embargoUntil",
                                local(start.plus(Duration.ofHours(2))))
                        .status())
                .isEqualTo(302);

        String tagUrl = "/tag/" + news.broadsheet.shared.Slugs.from(tag);
        assertThat(http.get(url).status()).isEqualTo(404);
        assertThat(headlinesOn("/")).doesNotContain(headline);
        assertThat(headlinesOn(world.url())).doesNotContain(headline);
        assertThat(headlinesOn(defense.url())).doesNotContain(headline);
        assertThat(headlinesOn(tagUrl)).doesNotContain(headline);
        assertThat(headlinesOn(author.url())).doesNotContain(headline);
        assertThat(http.get("/corrections").page().select("a").eachAttr("href")).doesNotContain(url);
        assertThat(http.postForm("/articles/" + id + "/comments", Http.form("name", "A", "body", "Early?"))
                        .status())
                .isEqualTo(404);

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(http.get(url).status()).isEqualTo(200);
        assertThat(headlinesOn(tagUrl)).contains(headline);
        workflow.runDue();
        assertThat(database.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE subject_id = ? AND action = 'article.embargo-lifted'")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesTheSecondOfTwoConcurrentSavesAndLosesNothing() {
        StaffClient first = signIn(Role.EDITOR);
        StaffClient second = signIn(Role.EDITOR);
        long id = create(first, "Council approves new bus lanes", "The vote was close.");
        Document firstForm = first.get(editUrl(id)).page();
        Document secondForm = second.get(editUrl(id)).page();

        assertThat(save(first, id, firstForm, "body", "First editor's body.").status())
                .isEqualTo(302);
        Http.Response conflict = save(second, id, secondForm, "body", "Second editor's careful body.");

        assertThat(conflict.status()).isEqualTo(409);
        Document page = conflict.page();
        assertThat(page.selectFirst(".form-problem").text()).contains("Someone else saved this story");
        assertThat(page.selectFirst("textarea#body").text()).isEqualTo("Second editor's careful body.");
        assertThat(page.selectFirst(".conflict__body").text()).isEqualTo("First editor's body.");
        assertThat(draftBody(id)).isEqualTo("First editor's body.");

        assertThat(save(second, id, page, "body", "Merged body.").status())
                .as("deliberate overwrite")
                .isEqualTo(302);
        assertThat(draftBody(id)).isEqualTo("Merged body.");
    }

    @Test
    void keepsRevisionsShowsTheirDifferencesAndRestoresOne() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Ferry timetable changes", "Line one.\n\nLine two.");
        save(editor, id, editor.get(editUrl(id)).page(), "body", "Line one.\n\nLine two, amended.");
        save(editor, id, editor.get(editUrl(id)).page(), "headline", "Ferry timetable changes from June");

        Document history = editor.get("/admin/articles/" + id + "/revisions").page();
        assertThat(history.select("tbody tr")).hasSize(3);
        Document diff =
                editor.get("/admin/articles/" + id + "/revisions?from=0&to=2").page();
        assertThat(diff.select(".diff__line--removed").text()).contains("Line two.");
        assertThat(diff.select(".diff__line--added").text())
                .contains("Line two, amended.")
                .contains("Ferry timetable changes from June");

        String expected = history.selectFirst("input[name=expectedVersion]").val();
        Http.Response restored =
                editor.post("/admin/articles/" + id + "/revisions/0/restore", "expectedVersion", expected);
        assertThat(restored.status()).isEqualTo(302);
        assertThat(draftBody(id)).isEqualTo("Line one.\n\nLine two.");
        assertThat(editor.get("/admin/articles/" + id + "/revisions").page().select("tbody tr"))
                .hasSize(4);
    }

    @Test
    void republishingAStoryTakenDownAtItsExpiryClearsTheExpiry() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Flood warning for the river valley", "Body.");
        editor.post(workflowUrl(id), "action", "publish");
        editor.post(workflowUrl(id), "action", "expiry", "expiresAt", local(start.plus(Duration.ofHours(1))));
        clock.advance(Duration.ofMinutes(62));
        workflow.runDue();
        assertThat(status(id)).isEqualTo("unpublished");

        editor.post(workflowUrl(id), "action", "publish");
        workflow.runDue();

        assertThat(status(id)).isEqualTo("published");
        assertThat(http.get(publicUrl(editor, id)).status()).isEqualTo(200);
    }

    @Test
    void refusesToPublishAVersionTheEditorHasNotSeen() {
        StaffClient reporter = signIn(Role.REPORTER);
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(reporter, "Draft under review", "Reviewed text.");
        reporter.post(workflowUrl(id), "action", "submit");
        Document reviewed = editor.get(editUrl(id)).page();
        save(reporter, id, reporter.get(editUrl(id)).page(), "body", "Unreviewed text.");

        Http.Response publish = save(editor, id, reviewed, "intent", "publish");

        assertThat(publish.status()).isEqualTo(409);
        assertThat(publish.page().selectFirst(".form-problem").text()).contains("Someone else saved this story");
        assertThat(publish.page().selectFirst(".conflict").text()).contains("Unreviewed text.");
        assertThat(status(id)).isEqualTo("in_review");
        assertThat(draftBody(id)).isEqualTo("Unreviewed text.");

        String stale =
                reviewed.selectFirst("form.editor__form input[name=version]").val();
        Http.Response direct = editor.post(workflowUrl(id), "action", "publish", "version", stale);
        assertThat(direct.status()).isEqualTo(409);
        assertThat(direct.page().selectFirst(".form-problem").text()).contains("changed since you opened it");
    }

    @Test
    void refusesImpossibleTimesAndInvisibleCharactersWithMessages() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Times test", "Body.");

        Http.Response farFuture =
                editor.post(workflowUrl(id), "action", "schedule", "publishAt", "+999999999-12-31T23:59");
        assertThat(farFuture.status()).isEqualTo(422);
        Http.Response bigYear = editor.post(workflowUrl(id), "action", "schedule", "publishAt", "12026-01-01T10:00");
        assertThat(bigYear.status()).isEqualTo(422);
        Http.Response nul = editor.post(
                "/admin/articles",
                articleFields("Nul test", "Body.", "seoTitle", "Bad\u0000title", "tags", "ok, bad\u0000tag"));
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.page().select(".field-error").text()).contains("control characters");
        assertThat(editor.get("/admin/articles?q=%00").status()).isEqualTo(400);
    }

    @Test
    void schedulesInTheNewsroomsTimeZone() {
        // Covered for UTC above; the zone itself is exercised in NewsroomTimeZoneIntegrationTests.
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Zone test", "Body.");

        editor.post(workflowUrl(id), "action", "schedule", "publishAt", local(start.plus(Duration.ofDays(2))));

        assertThat(editor.get(editUrl(id))
                        .page()
                        .selectFirst(".editor__facts time")
                        .attr("datetime"))
                .isEqualTo(start.plus(Duration.ofDays(2))
                        .truncatedTo(ChronoUnit.MINUTES)
                        .plusSeconds(60)
                        .toString());
    }

    @Test
    void keepsInputAndExplainsInvalidSaves() {
        StaffClient editor = signIn(Role.EDITOR);

        Http.Response response = editor.post(
                "/admin/articles",
                "headline",
                "",
                "standfirst",
                "Kept standfirst.",
                "body",
                "Kept body.",
                "slug",
                "Not A Slug!",
                "sectionId",
                String.valueOf(defense.id()),
                "authorIds",
                String.valueOf(author.id()),
                "version",
                "0");

        assertThat(response.status()).isEqualTo(422);
        Document page = response.page();
        assertThat(page.selectFirst("#headline-error").text()).isEqualTo("Please write a headline.");
        assertThat(page.selectFirst("#slug-error").text()).contains("lowercase letters");
        assertThat(page.selectFirst("textarea#body").text()).isEqualTo("Kept body.");
        assertThat(page.selectFirst("textarea#standfirst").text()).isEqualTo("Kept standfirst.");
    }

    @Test
    void usesSearchEngineOverridesForTheTitleAndDescription() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(
                editor,
                "Long newsroom headline about tram fares",
                "Body.",
                "seoTitle",
                "Tram fares rise",
                "seoDescription",
                "Fares go up in June.");
        editor.post(workflowUrl(id), "action", "publish");

        Document page = http.get(publicUrl(editor, id)).page();

        assertThat(page.title()).startsWith("Tram fares rise");
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("Fares go up in June.");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Long newsroom headline about tram fares");
    }

    @Test
    void previewsTheBodyWithoutSaving() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Preview test", "Original.");

        Http.Response preview =
                save(editor, id, editor.get(editUrl(id)).page(), "body", "**Bold** draft.", "intent", "preview");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.page().selectFirst(".preview-banner").text()).startsWith("Draft preview.");
        assertThat(preview.page().selectFirst(".story h1").text()).isEqualTo("Preview test");
        assertThat(preview.page().selectFirst(".story__body strong").text()).isEqualTo("Bold");
        assertThat(draftBody(id)).isEqualTo("Original.");
    }

    @Test
    void redirectsAPublishedStorysOldAddressAfterItsSlugChanges() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Bridge reopens after repairs", "Traffic resumed.");
        editor.post(workflowUrl(id), "action", "publish");
        String oldUrl = publicUrl(editor, id);
        String newSlug = Newsroom.unique("bridge-reopens");

        save(editor, id, editor.get(editUrl(id)).page(), "slug", newSlug);

        Http.Response moved = http.get(oldUrl);
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.location()).endsWith("/" + newSlug);
    }

    @Test
    void keepsEditorialNotesThreadedResolvableAndPrivate() {
        StaffClient editor = signIn(Role.EDITOR);
        long id = create(editor, "Notes test story", "Body.");
        editor.post("/admin/articles/" + id + "/notes", "text", "Check the second quote with the minister's office.");
        Document page = editor.get(editUrl(id)).page();
        String noteId = page.selectFirst("#notes article.note").id().substring("note-".length());
        editor.post("/admin/articles/" + id + "/notes", "text", "Confirmed by phone.", "parentId", noteId);
        editor.post("/admin/articles/" + id + "/notes/" + noteId + "/resolve");
        editor.post(workflowUrl(id), "action", "publish");

        Document after = editor.get(editUrl(id)).page();
        assertThat(after.selectFirst("#note-" + noteId + " .note--reply .note__body")
                        .text())
                .isEqualTo("Confirmed by phone.");
        assertThat(after.selectFirst("#note-" + noteId + " .note__meta").text()).contains("Resolved by");
        assertThat(http.get(publicUrl(editor, id)).body()).doesNotContain("minister's office", "Confirmed by phone");
    }

    @Test
    void lettersReportersEditOnlyTheirOwnDraftsAndNeverPublish() {
        StaffClient reporter = signIn(Role.REPORTER);
        StaffClient otherReporter = signIn(Role.REPORTER);
        StaffClient editor = signIn(Role.EDITOR);
        long own = create(reporter, "Reporter's own story", "Draft text.");

        assertThat(save(reporter, own, reporter.get(editUrl(own)).page(), "body", "Better draft.")
                        .status())
                .isEqualTo(302);
        assertThat(otherReporter.get(editUrl(own)).status())
                .as("a colleague's draft is not even shown")
                .isEqualTo(404);
        assertThat(otherReporter
                        .post("/admin/articles/" + own, "body", "Hijack.")
                        .status())
                .isEqualTo(404);
        assertThat(reporter.post(workflowUrl(own), "action", "publish").status())
                .isEqualTo(403);
        assertThat(status(own)).isEqualTo("draft");

        editor.post(workflowUrl(own), "action", "publish");
        assertThat(save(reporter, own, reporter.get(editUrl(own)).page(), "body", "After publication.")
                        .status())
                .as("published stories belong to editors")
                .isEqualTo(403);
    }

    @Test
    void filtersTheStoryListByStatusSectionAuthorAndHeadlineAndPages() {
        StaffClient editor = signIn(Role.EDITOR);
        String marker = Newsroom.unique("Lighthouse");
        long draft = create(editor, marker + " keepers return", "Body.");
        long published = create(editor, marker + " museum opens", "Body.");
        editor.post(workflowUrl(published), "action", "publish");

        assertThat(listed(editor, "/admin/articles?q=" + marker.toLowerCase(java.util.Locale.ROOT)))
                .containsExactlyInAnyOrder(editUrl(draft), editUrl(published));
        assertThat(listed(editor, "/admin/articles?status=published&q=" + marker))
                .containsExactly(editUrl(published));
        assertThat(listed(
                        editor,
                        "/admin/articles?status=draft&section=" + defense.id() + "&author=" + author.id() + "&q="
                                + marker))
                .containsExactly(editUrl(draft));
        assertThat(listed(editor, "/admin/articles?q=%25_" + marker))
                .as("wildcards are literal")
                .isEmpty();

        for (int i = 0; i < ArticleListController.PAGE_SIZE; i++) {
            create(editor, marker + " filler " + i, "Body.");
        }
        Document first = editor.get("/admin/articles?q=" + marker).page();
        String next = first.selectFirst("a[rel=next]").attr("href");
        List<String> all = new java.util.ArrayList<>(first.select("tbody a").eachAttr("href"));
        all.addAll(editor.get(next).page().select("tbody a").eachAttr("href"));
        assertThat(all).hasSize(ArticleListController.PAGE_SIZE + 2).doesNotHaveDuplicates();
    }

    private static List<String> listed(StaffClient staff, String path) {
        return staff.get(path).page().select("tbody a").eachAttr("href");
    }

    @Test
    void enforcesTheRoleMatrixOnEveryEditorRoute() {
        long someoneElses = create(signIn(Role.EDITOR), "Matrix story", "Body.");
        long published = create(signIn(Role.EDITOR), "Matrix published", "Body.");
        signIn(Role.EDITOR).post(workflowUrl(published), "action", "publish");
        String later = local(start.plus(Duration.ofDays(1)));

        for (Role role : Role.values()) {
            StaffClient staff = signIn(role);
            boolean writer = role != Role.MODERATOR;
            boolean publisher = role == Role.ADMIN || role == Role.EDITOR;
            // A reporter is refused a colleague's story as missing; a moderator the whole editor.
            int hidden = writer ? 404 : 403;
            Document form = publisher ? staff.get(editUrl(someoneElses)).page() : null;
            check(role, "list", staff.get("/admin/articles").status(), writer ? 200 : 403);
            check(role, "new form", staff.get("/admin/articles/new").status(), writer ? 200 : 403);
            check(
                    role,
                    "create",
                    staff.post("/admin/articles", articleFields("Matrix " + role, "Body."))
                            .status(),
                    writer ? 302 : 403);
            check(role, "edit form", staff.get(editUrl(someoneElses)).status(), publisher ? 200 : hidden);
            check(
                    role,
                    "save",
                    form == null
                            ? staff.post("/admin/articles/" + someoneElses, "headline", "x")
                                    .status()
                            : save(staff, someoneElses, form, "standfirst", "By " + role)
                                    .status(),
                    publisher ? 302 : hidden);
            check(
                    role,
                    "history",
                    staff.get("/admin/articles/" + someoneElses + "/revisions").status(),
                    publisher ? 200 : hidden);
            check(
                    role,
                    "notes",
                    staff.post("/admin/articles/" + someoneElses + "/notes", "text", "Hi")
                            .status(),
                    publisher ? 302 : hidden);
            check(
                    role,
                    "embargo",
                    staff.post(workflowUrl(published), "action", "lift-embargo").status(),
                    publisher ? 302 : hidden);
            check(
                    role,
                    "expiry",
                    staff.post(workflowUrl(published), "action", "clear-expiry").status(),
                    publisher ? 302 : hidden);
            check(
                    role,
                    "correct",
                    staff.post(
                                    "/admin/articles/" + published + "/corrections",
                                    "kind",
                                    "update",
                                    "text",
                                    "Note by " + role)
                            .status(),
                    publisher ? 302 : hidden);
            check(
                    role,
                    "schedule",
                    staff.post(workflowUrl(someoneElses), "action", "schedule", "publishAt", later)
                            .status(),
                    publisher ? 302 : hidden);
            check(
                    role,
                    "unpublish",
                    staff.post(workflowUrl(someoneElses), "action", "unpublish").status(),
                    publisher ? 302 : hidden);
            check(
                    role,
                    "publish",
                    staff.post(workflowUrl(someoneElses), "action", "publish").status(),
                    publisher ? 302 : hidden);
            check(
                    role,
                    "restore",
                    staff.post(
                                    "/admin/articles/" + someoneElses + "/revisions/0/restore",
                                    "expectedVersion",
                                    String.valueOf(version(someoneElses)))
                            .status(),
                    publisher ? 302 : hidden);
            check(role, "sections", staff.get("/admin/sections").status(), publisher ? 200 : 403);
            check(role, "tags", staff.get("/admin/tags").status(), publisher ? 200 : 403);
            if (publisher) {
                staff.post(workflowUrl(someoneElses), "action", "unpublish");
            }
        }
    }

    private static void check(Role role, String action, int actual, int expected) {
        assertThat(actual).as(role + " " + action).isEqualTo(expected);
    }

    // --- helpers ----------------------------------------------------------------------------

    private StaffClient signIn(Role role) {
        Account account = newsroom.staff(role);
        return StaffClient.signIn(http, account.username(), Newsroom.PASSWORD);
    }

    private String[] articleFields(String headline, String body, String... extra) {
        List<String> fields = new java.util.ArrayList<>(List.of(
                "headline",
                headline,
                "standfirst",
                "A standfirst.",
                "body",
                body,
                "slug",
                "",
                "sectionId",
                String.valueOf(defense.id()),
                "authorIds",
                String.valueOf(author.id()),
                "commentsOpen",
                "on",
                "version",
                "0"));
        fields.addAll(List.of(extra));
        return fields.toArray(String[]::new);
    }

    private long create(StaffClient staff, String headline, String body, String... extra) {
        Http.Response response = staff.post("/admin/articles", articleFields(headline, body, extra));
        assertThat(response.status()).as("create " + headline).isEqualTo(302);
        String location = response.location();
        return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+)/edit.*$", "$1"));
    }

    /** Submits the editor form as loaded, with some fields changed. */
    private static Http.Response save(StaffClient staff, long id, Document form, String... changes) {
        return staff.submit("/admin/articles/" + id, form, "form.editor__form", changes);
    }

    private String status(long id) {
        return database.jdbc()
                .sql("SELECT status FROM article WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private int version(long id) {
        return database.jdbc()
                .sql("SELECT version FROM article WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private String draftBody(long id) {
        return database.jdbc()
                .sql("SELECT body_markdown FROM article WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private static String publicUrl(StaffClient staff, long id) {
        return staff.get(editUrl(id))
                .page()
                .selectFirst(".editor__facts a[href^=/]")
                .attr("href");
    }

    private List<String> headlinesOn(String path) {
        return http.get(path).page().select(".card__headline a").eachText();
    }

    private static String editUrl(long id) {
        return "/admin/articles/" + id + "/edit";
    }

    private static String workflowUrl(long id) {
        return "/admin/articles/" + id + "/workflow";
    }

    private static String local(java.time.Instant instant) {
        return LOCAL.format(
                LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60), ZoneOffset.UTC));
    }
}
