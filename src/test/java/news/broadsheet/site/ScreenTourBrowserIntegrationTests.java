package news.broadsheet.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.PageTour;
import news.broadsheet.support.TestDatabaseQueries;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page type, public and newsroom, opened in Chromium at phone and desktop widths on the demo
 * newsroom: each answers as it should and fits the width of the screen (nothing scrolls sideways).
 * Full-page screenshots land in {@code target/screenshots/} for people to look at.
 */
@IntegrationTest(properties = {"broadsheet.demo-content.enabled=true"})
class ScreenTourBrowserIntegrationTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    Newsroom newsroom;

    @Autowired
    news.broadsheet.backup.Backups backups;

    private String one(String sql) {
        return database.jdbc().sql(sql).query(String.class).list().getFirst();
    }

    @Test
    void everyPageTypeAnswersAndFitsPhoneAndDesktop() {
        PageTour tour = PageTour.of(http, newsroom);
        String authorId = one("SELECT MIN(id) FROM author");
        String pageId = one("SELECT MIN(id) FROM page");
        holdTwoReaderComments(tour.commentedArticle());
        // So that the backup page shows its table of finished backups, not its empty state.
        backups.writeNew(news.broadsheet.shared.Actor.SYSTEM);
        List<PageTour.Stop> newsroomPages = new ArrayList<>(tour.newsroomPages());
        newsroomPages.addAll(List.of(
                new PageTour.Stop("comment desk pending", "/admin/comments"),
                new PageTour.Stop("sections", "/admin/sections"),
                new PageTour.Stop("tags", "/admin/tags"),
                new PageTour.Stop("authors", "/admin/authors"),
                new PageTour.Stop("author editor", "/admin/authors/" + authorId + "/edit"),
                new PageTour.Stop("pages", "/admin/pages"),
                new PageTour.Stop("page editor", "/admin/pages/" + pageId + "/edit"),
                new PageTour.Stop("users", "/admin/users"),
                new PageTour.Stop("profile", "/admin/profile"),
                new PageTour.Stop("wordpress import", "/admin/import"),
                new PageTour.Stop("demo removal", "/admin/demo"),
                new PageTour.Stop("audit log", "/admin/audit")));
        List<PageTour.Stop> publicPages = new ArrayList<>(tour.publicPages());
        publicPages.add(new PageTour.Stop("all sections", "/sections"));

        SoftAssertions softly = new SoftAssertions();
        try (Playwright playwright = Browser.start();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
            for (var width : Map.of("phone", 390, "desktop", 1280).entrySet()) {
                try (BrowserContext context =
                        browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                                .setViewportSize(width.getValue(), 844))) {
                    Page page = context.newPage();
                    publicPages.forEach(stop -> visit(softly, page, stop, width.getKey()));
                    Browser.signIn(page, http.base(), tour.staffUsername());
                    newsroomPages.forEach(stop -> visit(
                            softly, page, new PageTour.Stop("admin " + stop.name(), stop.path()), width.getKey()));
                }
            }
        }
        softly.assertAll();
    }

    /** Two readers' comments wait on the desk, one held for its links, so the desk's screenshot shows work. */
    private void holdTwoReaderComments(String story) {
        String action =
                http.get(story).page().selectFirst("form[action$=/comments]").attr("action");
        for (String[] comment : new String[][] {
            {"Lena Vogt", "I live near the base and the night flights are already louder this month."},
            {
                "Deal Finder",
                "Cheap flights! https://example.com/a https://example.com/b https://example.com/c https://example.com/d"
            }
        }) {
            Http.Response posted =
                    http.postForm(action, Http.form("name", comment[0], "email", "", "body", comment[1]));
            org.assertj.core.api.Assertions.assertThat(posted.status())
                    .as("comment by " + comment[0])
                    .isEqualTo(303);
        }
    }

    private void visit(SoftAssertions softly, Page page, PageTour.Stop stop, String width) {
        String name = stop.name();
        String path = stop.path();
        Response response = page.navigate(http.base() + path);
        softly.assertThat(response == null ? 0 : response.status())
                .as("%s (%s) answers", name, path)
                .isEqualTo(name.equals("not found") ? 404 : 200);
        Object overflow =
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        softly.assertThat(((Number) overflow).intValue())
                .as("%s (%s) at %s width scrolls sideways by", name, path, width)
                .isLessThanOrEqualTo(0);
        // Lazy pictures load only near the screen: scroll through the page so the screenshot has them.
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.evaluate("() => window.scrollTo(0, 0)");
        Path file = SCREENSHOTS.resolve(name.replace(' ', '-') + "-" + width + ".png");
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        } catch (com.microsoft.playwright.PlaywrightException e) {
            // Chromium sometimes cannot capture a whole long page; the screen's worth is still worth having.
            System.out.println("Screen tour: no full-page screenshot of " + name + " ("
                    + e.getMessage().lines().findFirst().orElse("") + "); taking the viewport");
            page.screenshot(new Page.ScreenshotOptions().setPath(file));
        }
    }
}
