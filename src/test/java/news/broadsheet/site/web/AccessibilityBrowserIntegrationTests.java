package news.broadsheet.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Chromium;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.PageTour;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core (bundled in the test classpath, injected by Playwright) finds no accessibility
 * violation on any page type, public or newsroom, with the light or the dark colour scheme.
 */
@IntegrationTest(properties = "broadsheet.demo-content.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    PageTour tour;

    @BeforeAll
    void findPages() {
        tour = PageTour.of(http, newsroom);
    }

    @Test
    void everyPageHasNoViolationsInLightMode() {
        assertThat(violations(ColorScheme.LIGHT)).isEmpty();
    }

    /** Only colours change with the scheme, so the dark run checks contrast alone: half the time. */
    @Test
    void everyPageHasEnoughContrastInDarkMode() {
        assertThat(violations(ColorScheme.DARK)).isEmpty();
    }

    private List<String> violations(ColorScheme scheme) {
        List<String> found = new ArrayList<>();
        try (BrowserContext context = chromium.browser().newContext(new NewContextOptions().setColorScheme(scheme))) {
            Page page = context.newPage();
            for (PageTour.Stop stop : tour.publicPages()) {
                page.navigate(http.base() + stop.path());
                found.addAll(analyze(page, stop.name(), scheme));
            }
            page.navigate(http.base() + tour.commentedArticle());
            // The browser's own checks would stop the post; the server's answer is the page to check.
            page.evaluate("document.querySelector('#comment-form form').noValidate = true");
            page.locator("#comment-email").fill("not-an-address");
            page.locator("#comment-body").fill("A view.");
            page.locator("#comment-form button[type=submit]").click();
            // The page's script puts the server's answer in place: wait for it, not for a load.
            page.locator(".field-error").first().waitFor();
            assertThat(page.locator(".field-error").count())
                    .as("comment form with errors")
                    .isPositive();
            found.addAll(analyze(page, "comment form with errors", scheme));

            Browser.signIn(page, http.base(), tour.staffUsername());
            for (PageTour.Stop stop : tour.newsroomPages()) {
                page.navigate(http.base() + stop.path());
                found.addAll(analyze(page, "newsroom " + stop.name(), scheme));
            }
        }
        return found;
    }

    private static List<String> analyze(Page page, String name, ColorScheme scheme) {
        AxeBuilder axe = new AxeBuilder(page);
        if (scheme == ColorScheme.DARK) {
            axe.withRules(List.of("color-contrast"));
        }
        AxeResults results = axe.analyze();
        assertThat(results.getErrorMessage()).as("axe ran on " + name).isNull();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                found.add(name + " " + page.url() + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + node.getTarget() + ": " + node.getHtml());
            }
        }
        return found;
    }
}
