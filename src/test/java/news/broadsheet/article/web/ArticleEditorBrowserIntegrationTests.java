package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.concurrent.atomic.AtomicReference;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Chromium;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The editor in Chromium: the fields as a reporter sees them, autosave, and the warning before leaving. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleEditorBrowserIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    TestDatabaseQueries database;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void autosavesADraftAndWarnsBeforeLeavingWithUnsavedChanges() {
        Section section = newsroom.section("Waterfront");
        Author author = newsroom.author("Tove Aalto");
        Account reporter = newsroom.staff(Role.REPORTER);
        long id = create(reporter, section, author);

        try (BrowserContext context = chromium.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            Browser.signIn(page, http.base(), reporter.username());
            page.navigate(http.base() + "/admin/articles/" + id + "/edit");

            // The headline spans the form, in the site's serif, larger than the admin type.
            double headlineWidth = ((Number)
                            page.evaluate("() => document.getElementById('headline').getBoundingClientRect().width"))
                    .doubleValue();
            double formWidth = ((Number)
                            page.evaluate("() => document.getElementById('story-form').getBoundingClientRect().width"))
                    .doubleValue();
            assertThat(headlineWidth).isGreaterThan(formWidth * 0.9);
            assertThat((String) page.evaluate("() => getComputedStyle(document.getElementById('headline')).fontFamily"))
                    .contains("Georgia");
            assertThat((String)
                            page.evaluate("() => getComputedStyle(document.getElementById('standfirst')).fontFamily"))
                    .contains("Georgia");
            assertThat(((Number) page.evaluate(
                                    "() => parseFloat(getComputedStyle(document.getElementById('headline')).fontSize)"))
                            .doubleValue())
                    .isGreaterThan(20);

            page.locator("#body").fill("Typed in the browser and saved without a click.");
            page.locator("#save-status")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("saved automatically"))
                    .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(15_000));
            assertThat(body(id)).isEqualTo("Typed in the browser and saved without a click.");
            assertThat(page.locator("input[name=version]").inputValue()).isEqualTo("1");

            // A save by hand after the autosave carries its version: no conflict with itself.
            page.locator("#headline").fill("Quayside market moves indoors");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Save").setExact(true))
                    .click();
            page.locator(".notice").waitFor();
            assertThat(page.locator(".notice").textContent()).isEqualTo("Saved.");

            // Unsaved changes: leaving asks first.
            page.locator("#standfirst").fill("Not saved yet.");
            AtomicReference<String> asked = new AtomicReference<>();
            page.onDialog(dialog -> {
                asked.set(dialog.type());
                dialog.dismiss();
            });
            try {
                page.navigate(http.base() + "/admin/articles", new Page.NavigateOptions().setTimeout(5_000));
            } catch (com.microsoft.playwright.PlaywrightException stayed) {
                // Dismissing the question cancels the navigation.
            }
            assertThat(asked.get()).isEqualTo("beforeunload");
            assertThat(page.url()).endsWith("/admin/articles/" + id + "/edit?done=saved");
            assertThat(page.locator("#standfirst").inputValue()).isEqualTo("Not saved yet.");
        }
    }

    private long create(Account reporter, Section section, Author author) {
        StaffClient staff = StaffClient.signIn(http, reporter.username(), Newsroom.PASSWORD);
        Http.Response created = staff.post(
                "/admin/articles",
                "headline",
                "Quayside market moves " + Newsroom.unique("m"),
                "standfirst",
                "Stalls leave the car park.",
                "body",
                "First version.",
                "sectionId",
                String.valueOf(section.id()),
                "authorIds",
                String.valueOf(author.id()),
                "version",
                "0");
        assertThat(created.status()).isEqualTo(302);
        return Long.parseLong(created.location().replaceAll("^/admin/articles/(\\d+)/edit.*$", "$1"));
    }

    private String body(long id) {
        return database.jdbc()
                .sql("SELECT body_markdown FROM article WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
