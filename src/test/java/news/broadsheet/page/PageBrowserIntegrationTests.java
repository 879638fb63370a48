package news.broadsheet.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Chromium;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A static page and the footer that links it, in a real browser on a phone, without JavaScript. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBrowserIntegrationTests {

    private static final NewContextOptions PHONE = new NewContextOptions()
            .setViewportSize(390, 844)
            .setDeviceScaleFactor(2)
            .setIsMobile(true)
            .setHasTouch(true);

    @Autowired
    Http http;

    @Autowired
    Pages pages;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void readerFollowsTheFooterLinkToAPageThatFitsAPhone() {
        String slug = Newsroom.unique("corrections-policy");
        pages.put(
                new WritePage(
                        PageContent.markdown(
                                        slug,
                                        "How we correct mistakes",
                                        "We correct errors openly.\n\n| When | What |\n|---|---|\n| At once | A note on the story |\n\nA long address: https://example.org/"
                                                + "a".repeat(120))
                                .inFooter(1),
                        PageStatus.PUBLISHED,
                        null),
                Actor.SYSTEM);

        try (BrowserContext context = chromium.browser().newContext(PHONE.setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(http.base() + "/corrections");
            page.locator("footer")
                    .getByRole(
                            AriaRole.LINK,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("How we correct mistakes"))
                    .click();

            assertThat(page.url()).isEqualTo(http.base() + "/" + slug);
            assertThat(page.locator("h1").textContent()).isEqualTo("How we correct mistakes");
            assertThat(page.getByText("We correct errors openly.").isVisible()).isTrue();
        }
        try (BrowserContext context = chromium.browser().newContext(PHONE.setJavaScriptEnabled(true))) {
            Page page = context.newPage();
            page.navigate(http.base() + "/" + slug);
            Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
            Object clientWidth = page.evaluate("() => document.documentElement.clientWidth");
            assertThat(((Number) scrollWidth).intValue())
                    .as("no sideways scrolling")
                    .isLessThanOrEqualTo(((Number) clientWidth).intValue());
        }
    }
}
