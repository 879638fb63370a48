package news.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Chromium;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Suggestions in the search box of a phone's browser: shown as the reader types, chosen with the keys. */
@IntegrationTest
class SearchSuggestionsBrowserIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void typingShowsHeadlinesAndTheKeysOpenOne() {
        Section section = newsroom.section("Harbours");
        Author author = newsroom.author("Pia Lindqvist");
        String w = SearchTestSupport.word();
        String unique = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        ArticleSummary story = newsroom.article(section, author)
                .headline(unique + " cranes return after the long strike")
                .publishedAt(clock.instant().minus(Duration.ofHours(2)))
                .publish();
        newsroom.article(section, author)
                .headline(unique + " crane drivers vote on the offer")
                .publishedAt(clock.instant().minus(Duration.ofHours(3)))
                .publish();
        SearchTestSupport.eventually(() -> SearchTestSupport.headlines(http, w).size() == 2);

        try (BrowserContext context = chromium.browser().newContext(Browser.phone(true))) {
            Page page = context.newPage();
            page.navigate(http.base() + "/search");
            Locator box = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Search stories"));
            box.pressSequentially(w + " cra", new Locator.PressSequentiallyOptions().setDelay(20));
            Locator options = page.getByRole(AriaRole.OPTION);
            options.first().waitFor();
            assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(options.allInnerTexts())
                    .as("newest first, each marked as a story")
                    .containsExactly(story.headline() + " Story", unique + " crane drivers vote on the offer Story");
            Browser.screenshot(page, "search-suggestions-phone");

            box.press("ArrowDown");
            assertThat(box.getAttribute("aria-activedescendant"))
                    .isEqualTo(options.first().getAttribute("id"));
            box.press("Enter");
            page.waitForURL("**" + story.url());
            assertThat(page.locator("h1").innerText()).isEqualTo(story.headline());

            page.navigate(http.base() + "/search");
            Locator again = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Search stories"));
            again.pressSequentially(w + " cra", new Locator.PressSequentiallyOptions().setDelay(20));
            page.getByRole(AriaRole.OPTION).first().waitFor();
            again.press("Escape");
            assertThat(again.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(again.inputValue())
                    .as("Escape closes the list, keeping the words")
                    .isEqualTo(w + " cra");
            again.press("Enter");
            page.waitForURL(url -> url.contains("/search?q="));
            assertThat(page.locator(".search-hit__headline").count())
                    .as("Enter without choosing a suggestion is a plain search")
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "JavaScript {0}")
    @ValueSource(booleans = {true, false})
    void aMisspelledSearchOffersTheSpellingTheStoriesUseAndItsLinkSearchesForIt(boolean javaScript) {
        String w = SearchTestSupport.word();
        String typo = w.substring(0, 5) + (w.charAt(5) == 'x' ? 'y' : 'x') + w.substring(6);
        newsroom.article(newsroom.section("Harbours"), newsroom.author("Pia Lindqvist"))
                .headline("Spelling " + w)
                .publishedAt(clock.instant().minus(Duration.ofHours(1)))
                .publish();
        SearchTestSupport.eventually(() -> SearchTestSupport.headlines(http, w).size() == 1);

        try (BrowserContext context = chromium.browser().newContext(Browser.phone(javaScript))) {
            Page page = context.newPage();
            page.navigate(http.base() + "/search");
            Locator box = page.locator("#search-q");
            box.fill(typo);
            box.press("Enter");
            page.waitForURL(url -> url.contains("/search?q=" + typo));
            Locator suggestion = page.locator(".search__suggestion a");
            assertThat(suggestion.innerText()).isEqualTo(w);

            suggestion.click();
            page.waitForURL(url -> url.contains("/search?q=" + w));
            assertThat(page.locator(".search-hit__headline").allInnerTexts()).containsExactly("Spelling " + w);
            assertThat(page.locator(".search__suggestion").count())
                    .as("nothing more to suggest")
                    .isZero();
        }
    }

    @Test
    void withoutJavaScriptTheBoxIsAPlainSearch() {
        try (BrowserContext context = chromium.browser().newContext(Browser.phone(false))) {
            Page page = context.newPage();
            page.navigate(http.base() + "/search");
            Locator box = page.locator("#search-q");
            assertThat(box.getAttribute("role")).isNull();
            box.fill("harbour cranes");
            box.press("Enter");
            page.waitForURL(url -> url.contains("/search?q=harbour+cranes"));
            assertThat(page.locator(".search__summary").innerText()).contains("match");
        }
    }
}
