package news.broadsheet.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
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
 * Every link and button on the public pages is large enough, or far enough from its neighbours, to be
 * tapped on a phone: axe's {@code target-size} rule (WCAG 2.2, off in axe's default run, on in
 * Lighthouse's accessibility score) at Lighthouse's phone viewport.
 */
@IntegrationTest(properties = "broadsheet.demo-content.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TapTargetsBrowserIntegrationTests {

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
    void everyPublicPageHasTapTargetsLargeEnoughOnAPhone() {
        List<String> found = new ArrayList<>();
        try (BrowserContext context =
                chromium.browser().newContext(new NewContextOptions().setViewportSize(412, 823))) {
            Page page = context.newPage();
            for (PageTour.Stop stop : tour.publicPages()) {
                page.navigate(http.base() + stop.path());
                AxeResults results =
                        new AxeBuilder(page).withRules(List.of("target-size")).analyze();
                assertThat(results.getErrorMessage())
                        .as("axe ran on " + stop.name())
                        .isNull();
                for (Rule rule : results.getViolations()) {
                    for (CheckedNode node : rule.getNodes()) {
                        found.add(stop.name() + " " + stop.path() + ": " + node.getTarget() + ": " + node.getHtml());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
