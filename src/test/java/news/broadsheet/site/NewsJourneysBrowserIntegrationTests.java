package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.media.TestImages;
import news.broadsheet.section.Section;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Chromium;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The journeys of readers, moderators (on the keyboard when JavaScript is on), reporters and editors, end to end in Chromium: each at phone
 * and desktop widths, with JavaScript on and off. Screenshots of every step land in
 * {@code target/screenshots/journeys/}.
 */
@IntegrationTest(properties = "broadsheet.scheduler.interval=1s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsJourneysBrowserIntegrationTests {

    private static final String PENDING_NOTICE = "will appear once a moderator has approved it";

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    SiteSettings site;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    /** Phone and desktop, each with JavaScript on and off. */
    static Stream<Arguments> screens() {
        return Stream.of(
                Arguments.of("phone", true),
                Arguments.of("phone", false),
                Arguments.of("desktop", true),
                Arguments.of("desktop", false));
    }

    @ParameterizedTest(name = "{0}, JavaScript {1}")
    @MethodSource("screens")
    void readerCommentsModeratorApprovesAndReaderReplies(String screen, boolean javaScript) {
        String shots = "journeys/reader-" + screen + (javaScript ? "-js" : "-nojs") + "-";
        Section world = newsroom.section("World");
        Section defense = newsroom.subsection(world, "Defense");
        Author author = newsroom.author("Ines Carvalho");
        ArticleSummary story = newsroom.article(defense, author)
                .headline("Navy trials a quieter patrol boat " + Newsroom.unique("in"))
                .standfirst("Crews spent a month testing the hull in winter seas.")
                .body("The trial boats sailed from the northern base in the first week.\n\n"
                        + "> \"It is the calmest ride we have had,\" said one of the crew.\n\n"
                        + "A decision on the order is due next spring.")
                .publish();
        Account moderator = newsroom.staff(Role.MODERATOR);
        String comment = "Good to see the trials reported in such detail " + Newsroom.unique("c") + ".";

        try (BrowserContext readerContext = open(screen, javaScript)) {
            Page reader = readerContext.newPage();

            // The reader finds the story on the front page and reads it.
            reader.navigate(http.base() + "/");
            reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(story.headline()))
                    .first()
                    .click();
            reader.waitForURL("**" + story.url());
            assertThat(reader.locator("nav.trail").textContent()).contains("World", "Defense");
            assertThat(reader.locator("h1").textContent()).isEqualTo(story.headline());
            assertThat(reader.locator(".story__body blockquote").textContent())
                    .contains("It is the calmest ride we have had");
            assertThat(reader.getByText("No comments available for this post.").isVisible())
                    .isTrue();
            assertThat(reader.locator("#comment-review-note").textContent()).contains("moderator");
            Browser.screenshot(reader, shots + "1-story");

            // The reader comments and is told it waits for a moderator.
            field(reader, "Name").fill("Noor Haddad");
            field(reader, "Email (optional)").fill("noor@example.org");
            field(reader, "Comment").fill(comment);
            Browser.pauseAsAReaderWrites(reader);
            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                    .click();
            if (javaScript) {
                Locator notice = reader.locator("#comment-form .notice");
                notice.waitFor();
                assertThat(notice.textContent()).contains(PENDING_NOTICE);
                assertThat(reader.url()).endsWith(story.url());
            } else {
                reader.waitForURL("**" + story.url() + "?comment=pending#comments-notice");
                assertThat(reader.locator("#comments-notice").textContent()).contains(PENDING_NOTICE);
            }
            assertThat(reader.getByText(comment).count())
                    .as("not shown before approval")
                    .isZero();
            Browser.screenshot(reader, shots + "2-commented");

            // A moderator approves it from the desk.
            try (BrowserContext deskContext = open(screen, javaScript)) {
                Page desk = deskContext.newPage();
                Browser.signIn(desk, http.base(), moderator.username());
                assertThat(desk.locator(".admin-nav a[href='/admin/comments'] .admin-nav__badge")
                                .textContent())
                        .as("the pending count beside the desk link")
                        .matches("\\(\\d+\\) \\d+ pending");
                desk.navigate(http.base() + "/admin/comments?article=" + story.id());
                Locator row = desk.locator("li.desk__item").filter(new Locator.FilterOptions().setHasText(comment));
                assertThat(row.count()).isEqualTo(1);
                Browser.screenshot(desk, shots + "3-desk");
                if (javaScript) {
                    // With the keyboard: j moves to the first comment, a approves it, in place.
                    desk.keyboard().press("j");
                    desk.keyboard().press("a");
                    row.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
                    assertThat(desk.url()).endsWith("/admin/comments?article=" + story.id());
                } else {
                    row.getByRole(
                                    AriaRole.BUTTON,
                                    new Locator.GetByRoleOptions().setName("Approve comment by Noor Haddad"))
                            .click();
                }
                Locator done = desk.locator(".notice").filter(new Locator.FilterOptions().setHasText("Approved"));
                done.waitFor();
                assertThat(done.textContent()).contains("Approved the comment by Noor Haddad.", "Undo");
                assertThat(desk.locator("li.desk__item")
                                .filter(new Locator.FilterOptions().setHasText(comment))
                                .count())
                        .as("gone from the pending queue")
                        .isZero();
                Browser.screenshot(desk, shots + "4-approved");
            }

            // The reader sees it and replies.
            reader.navigate(http.base() + story.url());
            Locator approved =
                    reader.locator("article.comment").filter(new Locator.FilterOptions().setHasText(comment));
            assertThat(approved.locator(".comment__author").textContent()).isEqualTo("Noor Haddad");
            approved.locator("a.comment__reply").click();
            if (javaScript) {
                Locator replyForm = reader.locator("li:has(> article.comment) > #comment-form");
                replyForm.waitFor();
                assertThat(replyForm.locator("blockquote.comment-quote").textContent())
                        .contains("Good to see the trials reported");
            } else {
                assertThat(reader.locator("blockquote.comment-quote").textContent())
                        .contains("Good to see the trials reported");
            }
            field(reader, "Name").fill("Noor Haddad");
            field(reader, "Comment").fill("And the crews deserve the credit.");
            Browser.pauseAsAReaderWrites(reader);
            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment"))
                    .click();
            if (javaScript) {
                Locator notice = reader.locator("#comment-form .notice");
                notice.waitFor();
                assertThat(notice.textContent()).contains(PENDING_NOTICE);
                assertThat(reader.url()).as("replied in place").endsWith(story.url());
            } else {
                reader.waitForURL("**?comment=pending*#comments-notice");
                assertThat(reader.locator("#comments-notice").textContent()).contains(PENDING_NOTICE);
            }
            Browser.screenshot(reader, shots + "5-replied");
        }
    }

    @ParameterizedTest(name = "{0}, JavaScript {1}")
    @MethodSource("screens")
    void reporterDraftsEditorSchedulesAndTheStoryAppearsAtItsTime(String screen, boolean javaScript) {
        String shots = "journeys/newsroom-" + screen + (javaScript ? "-js" : "-nojs") + "-";
        Section section = newsroom.section("Science");
        Author byline = newsroom.author("Pieter de Vries");
        Account reporter = newsroom.staff(Role.REPORTER);
        Account editor = newsroom.staff(Role.EDITOR);
        String marker = Newsroom.unique("glacier").replace("-", "");
        String headline = "Glacier survey finds meltwater lakes " + marker;

        long storyId;
        try (BrowserContext reporterContext = open(screen, javaScript)) {
            Page desk = reporterContext.newPage();
            Browser.signIn(desk, http.base(), reporter.username());
            desk.navigate(http.base() + "/admin/articles/new");
            desk.locator("#headline").fill(headline);
            desk.locator("#standfirst").fill("Surveyors counted forty new lakes on the ice this summer.");
            desk.locator("#body")
                    .fill("The survey team flew the length of the glacier twice.\n\n"
                            + "Most of the lakes drained within a fortnight, they said.");
            desk.locator("#sectionId").selectOption(String.valueOf(section.id()));
            desk.locator("#authorIds").selectOption(String.valueOf(byline.id()));
            // The lead image is chosen while writing and saved with the draft in one step.
            desk.locator("#image")
                    .setInputFiles(new FilePayload(
                            "lakes.jpg", "image/jpeg", TestImages.encode(TestImages.picture(1600, 900), "jpg")));
            desk.locator("#altText").fill("Blue meltwater lakes on a grey glacier, seen from the air");
            desk.locator("#caption").fill("Meltwater lakes in August.");
            desk.locator("#credit").fill("Survey team");
            desk.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Save").setExact(true))
                    .click();
            desk.waitForURL("**/admin/articles/*/edit?done=created");
            storyId = Long.parseLong(desk.url().replaceAll(".*/admin/articles/(\\d+)/edit.*", "$1"));
            assertThat(desk.locator(".editor__image img").getAttribute("alt"))
                    .isEqualTo("Blue meltwater lakes on a grey glacier, seen from the air");
            Browser.screenshot(desk, shots + "1-draft");

            // The preview opens in a new tab, rendered as readers will see it.
            Page preview = reporterContext.waitForPage(
                    () -> desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview"))
                            .click());
            preview.waitForLoadState();
            assertThat(preview.locator(".preview-banner").textContent()).contains("Draft preview");
            assertThat(preview.locator("h1").textContent()).isEqualTo(headline);
            assertThat(preview.locator(".story__image img").getAttribute("alt"))
                    .isEqualTo("Blue meltwater lakes on a grey glacier, seen from the air");
            Browser.screenshot(preview, shots + "2-preview");
            preview.close();

            desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
                    .click();
            desk.locator(".notice").waitFor();
            assertThat(desk.locator(".editor__side h2").textContent()).contains("review");
            Browser.screenshot(desk, shots + "3-submitted");
        }

        LocalDateTime due = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(2)), site.timeZone())
                .truncatedTo(ChronoUnit.MINUTES);
        String dueValue = due.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        try (BrowserContext editorContext = open(screen, javaScript)) {
            Page desk = editorContext.newPage();
            Browser.signIn(desk, http.base(), editor.username());
            desk.navigate(http.base() + "/admin/articles");
            desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline))
                    .first()
                    .click();
            desk.waitForURL("**/admin/articles/" + storyId + "/edit");
            desk.locator("#publishAt").fill(dueValue);
            desk.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Schedule").setExact(true))
                    .click();
            desk.locator(".notice").waitFor();
            assertThat(desk.locator("#publishAt").inputValue()).isEqualTo(dueValue);
            assertThat(desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel schedule"))
                            .isVisible())
                    .isTrue();
            Browser.screenshot(desk, shots + "4-scheduled");
        }

        // Before its time the story is nowhere; at its time it is on the front page, in search and in the feed.
        for (String path : new String[] {"/", "/search?q=" + marker, "/feeds/all.atom"}) {
            Http.Response before = http.get(path);
            assertThat(before.status()).as(path).isEqualTo(200);
            assertThat(before.body()).as(path).doesNotContain(headline);
        }
        clock.set(due.atZone(site.timeZone()).toInstant().plusSeconds(1));
        eventually(() -> http.get("/").body().contains(headline), "the story reaches the front page");
        eventually(() -> http.get("/search?q=" + marker).body().contains(headline), "search finds it");
        assertThat(http.get("/feeds/all.atom").body()).contains(headline);

        try (BrowserContext readerContext = open(screen, javaScript)) {
            Page reader = readerContext.newPage();
            reader.navigate(http.base() + "/");
            Locator link = reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline))
                    .first();
            assertThat(link.isVisible()).isTrue();
            Browser.screenshot(reader, shots + "5-front-page");
            reader.navigate(http.base() + "/search?q=" + marker);
            assertThat(reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline))
                            .count())
                    .isEqualTo(1);
            link = reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline));
            link.click();
            assertThat(reader.locator("h1").textContent()).isEqualTo(headline);
            assertThat(reader.locator(".story__image img").isVisible()).isTrue();
            Browser.screenshot(reader, shots + "6-published");
        }
    }

    private static com.microsoft.playwright.Browser.NewContextOptions options(String screen, boolean javaScript) {
        return screen.equals("phone") ? Browser.phone(javaScript) : Browser.desktop(javaScript);
    }

    private BrowserContext open(String screen, boolean javaScript) {
        BrowserContext context = chromium.browser().newContext(options(screen, javaScript));
        context.setDefaultTimeout(10_000);
        return context;
    }

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
