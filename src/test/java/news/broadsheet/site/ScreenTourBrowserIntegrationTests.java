package news.broadsheet.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.TestDatabaseQueries;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page type, public and newsroom, opened in Chromium at phone and desktop widths on the demo
 * newsroom: each answers as it should and fits the width of the screen (nothing scrolls sideways).
 * Full-page screenshots land in {@code target/screenshots/} for people to look at.
 */
@IntegrationTest(
        properties = {
            "broadsheet.demo-content.enabled=true",
            "broadsheet.admin.username=tour.admin",
            "broadsheet.admin.password=a passphrase for the screen tour"
        })
class ScreenTourBrowserIntegrationTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    private String one(String sql) {
        return database.jdbc().sql(sql).query(String.class).list().getFirst();
    }

    @Test
    void everyPageTypeAnswersAndFitsPhoneAndDesktop() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (database.count("article") < 14 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        String storyId = one("SELECT MIN(a.id) FROM article a JOIN comment c ON c.article_id = a.id"
                + " WHERE a.status = 'published' AND c.status = 'approved'");
        String commentId = one("SELECT MIN(id) FROM comment WHERE status = 'approved' AND article_id = " + storyId);
        String authorId = one("SELECT MIN(id) FROM author");
        String pageId = one("SELECT MIN(id) FROM page");

        Map<String, String> readers = new LinkedHashMap<>();
        readers.put("home", "/");
        readers.put("section", "/world");
        readers.put("subsection", "/world/defense");
        readers.put("tag", "/tag/" + one("SELECT MIN(t.slug) FROM tag t JOIN article_tag x ON x.tag_id = t.id"));
        readers.put("author", "/author/" + one("SELECT slug FROM author WHERE id = " + authorId));
        readers.put("page", "/" + one("SELECT slug FROM page WHERE id = " + pageId));
        readers.put("search", "/search?q=defence+budget");
        readers.put("corrections", "/corrections");
        readers.put("comment-report", "/comments/" + commentId + "/report");
        readers.put("login", "/login");
        readers.put("not-found", "/no/such/page/here");

        Map<String, String> newsroom = new LinkedHashMap<>();
        newsroom.put("admin-dashboard", "/admin");
        newsroom.put("admin-stories", "/admin/articles");
        newsroom.put("admin-editor", "/admin/articles/" + storyId + "/edit");
        newsroom.put("admin-revisions", "/admin/articles/" + storyId + "/revisions");
        newsroom.put("admin-desk", "/admin/comments");
        newsroom.put("admin-sections", "/admin/sections");
        newsroom.put("admin-tags", "/admin/tags");
        newsroom.put("admin-authors", "/admin/authors");
        newsroom.put("admin-author", "/admin/authors/" + authorId + "/edit");
        newsroom.put("admin-pages", "/admin/pages");
        newsroom.put("admin-page", "/admin/pages/" + pageId + "/edit");
        newsroom.put("admin-users", "/admin/users");
        newsroom.put("admin-profile", "/admin/profile");
        newsroom.put("admin-import", "/admin/import");
        newsroom.put("admin-demo", "/admin/demo");
        newsroom.put("admin-audit", "/admin/audit");

        SoftAssertions softly = new SoftAssertions();
        try (Playwright playwright = Browser.start();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
            for (var width : Map.of("phone", 390, "desktop", 1280).entrySet()) {
                try (BrowserContext context =
                        browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                                .setViewportSize(width.getValue(), 844))) {
                    Page page = context.newPage();
                    readers.forEach((name, path) -> visit(softly, page, name, path, width.getKey()));
                    page.navigate(http.base() + "/login");
                    page.getByLabel("Username").fill("tour.admin");
                    page.getByLabel("Password").fill("a passphrase for the screen tour");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                            .click();
                    page.waitForURL("**/admin");
                    newsroom.forEach((name, path) -> visit(softly, page, name, path, width.getKey()));
                }
            }
        }
        softly.assertAll();
    }

    private void visit(SoftAssertions softly, Page page, String name, String path, String width) {
        Response response = page.navigate(http.base() + path);
        softly.assertThat(response == null ? 0 : response.status())
                .as("%s (%s) answers", name, path)
                .isEqualTo(name.equals("not-found") ? 404 : 200);
        Object overflow =
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        softly.assertThat(((Number) overflow).intValue())
                .as("%s (%s) at %s width scrolls sideways by", name, path, width)
                .isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + "-" + width + ".png"))
                .setFullPage(true));
    }
}
