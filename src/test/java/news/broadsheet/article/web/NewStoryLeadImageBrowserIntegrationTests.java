package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.author.Author;
import news.broadsheet.media.TestImages;
import news.broadsheet.section.Section;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Chromium;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** A reporter in Chromium writes a new story and picks its lead image before the first save. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewStoryLeadImageBrowserIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void savesANewDraftWithTheLeadImageChosenWhileWriting(boolean javaScript) throws IOException {
        Section section = newsroom.section("Harbour");
        Author author = newsroom.author("Tove Aalto");
        Account reporter = newsroom.staff(Role.REPORTER);
        String headline = Newsroom.unique("Ferry returns to the island");

        try (BrowserContext context = chromium.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setJavaScriptEnabled(javaScript))) {
            Page page = context.newPage();
            Browser.signIn(page, http.base(), reporter.username());
            page.navigate(http.base() + "/admin/articles/new");

            page.getByLabel("Headline").fill(headline);
            page.getByLabel("Body").fill("The ferry came back at noon.");
            page.getByLabel("Section", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(String.valueOf(section.id()));
            page.getByLabel("Byline").selectOption(String.valueOf(author.id()));
            page.getByLabel("Image file (JPEG, PNG, WebP or GIF)")
                    .setInputFiles(new FilePayload("ferry.jpg", "image/jpeg", jpeg(1600, 900)));
            page.getByLabel("Description for readers who cannot see it (alt text)")
                    .fill("A white ferry at the quay");
            page.getByLabel("Credit").fill("Photo: T. Aalto");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Save").setExact(true))
                    .click();
            page.waitForURL("**/edit?done=created");

            assertThat(page.locator(".editor__image figure img").getAttribute("alt"))
                    .isEqualTo("A white ferry at the quay");
            assertThat(page.locator("#headline").inputValue()).isEqualTo(headline);
            assertThat((Boolean)
                            page.evaluate("() => document.querySelector('.editor__image figure img').naturalWidth > 0"))
                    .as("the image loads")
                    .isTrue();
        }
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(TestImages.picture(width, height), "jpg", out);
        return out.toByteArray();
    }
}
