package news.broadsheet.author.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The acceptance test of "people and bylines", in a browser: from an empty database with the demo
 * off, the first admin (from settings) signs in, creates a section, a byline on the Authors page
 * and a story, publishes it, and the story page carries the byline.
 */
@IntegrationTest(
        properties = {
            "broadsheet.demo-content.enabled=false",
            "broadsheet.admin.username=chief.browser",
            "broadsheet.admin.password=a long passphrase for the browser"
        })
class FromEmptyNewsroomBrowserIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    /** Follows a link in the newsroom's navigation bar. */
    private static void nav(Page page, String name) {
        page.getByLabel("Newsroom")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(name).setExact(true))
                .click();
    }

    @Test
    void theFirstAdminPublishesABylinedStoryThroughTheNewsroom() {
        assertThat(database.count("section")).isZero();
        assertThat(database.count("author")).isZero();
        assertThat(database.count("article")).isZero();
        assertThat(database.count("account")).isOne();

        try (Playwright playwright = Browser.start();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright);
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            Browser.signIn(page, http.base(), "chief.browser", "a long passphrase for the browser");

            nav(page, "Sections");
            page.locator("#new-section-name").fill("Harbour");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create section"))
                    .click();
            assertThat(page.locator("p.notice[role=status]").textContent()).contains("Saved");

            nav(page, "Authors");
            assertThat(page.locator("main").textContent()).contains("No bylines yet");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Mara Lindqvist");
            page.getByLabel("Job title").fill("Harbour reporter");
            page.getByLabel("Short bio (Markdown)").fill("Has covered the *waterfront* since 2019.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create byline"))
                    .click();
            assertThat(page.locator("p.notice[role=status]").textContent()).contains("Byline created");

            nav(page, "Stories");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a new story"))
                    .click();
            page.getByLabel("Headline", new Page.GetByLabelOptions().setExact(true))
                    .fill("Ferry timetable changes for the winter");
            page.getByLabel("Standfirst").fill("Fewer crossings from November.");
            page.locator("#body").fill("The harbour office announced the winter timetable today.");
            page.locator("#sectionId").selectOption(new SelectOption().setLabel("Harbour"));
            page.locator("#authorIds").selectOption(new SelectOption().setLabel("Mara Lindqvist"));
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Save").setExact(true))
                    .click();
            assertThat(page.locator("p.notice[role=status]").textContent()).contains("Draft created");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish now"))
                    .click();
            assertThat(page.locator("p.notice[role=status]").textContent()).contains("Published");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View on the site"))
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Ferry timetable changes for the winter");
            assertThat(page.locator(".byline").textContent()).contains("Mara Lindqvist");
            String storyUrl = page.url();

            page.locator(".byline a").click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Mara Lindqvist");
            assertThat(page.locator(".profile__job-title").textContent()).isEqualTo("Harbour reporter");
            assertThat(page.locator(".profile__bio em").textContent()).isEqualTo("waterfront");

            // What a reader without the session sees.
            Document story = http.get(storyUrl.substring(http.base().length())).page();
            assertThat(story.select(".byline a").text()).isEqualTo("Mara Lindqvist");
            assertThat(story.select(".byline a").attr("href")).isEqualTo("/author/mara-lindqvist");
        }
    }
}
