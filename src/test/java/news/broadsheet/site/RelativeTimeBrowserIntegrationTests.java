package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.time.Duration;
import java.time.Instant;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Browser;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Times within the last day read "2 hours ago" once the page's script runs, with the exact time
 * kept in {@code datetime} and shown as the title; without JavaScript the exact time shows.
 */
@IntegrationTest
class RelativeTimeBrowserIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    MutableClock clock;

    @Test
    void recentStoriesSayHowLongAgoAndKeepTheExactTime() {
        Section section = newsroom.section("Relative " + Newsroom.unique("t"));
        Author author = newsroom.author("Reporter " + Newsroom.unique("t"));
        Instant published = clock.instant();
        ArticleSummary story =
                newsroom.article(section, author).publishedAt(published).publish();
        String path = story.url();

        try (Playwright playwright = Browser.start();
                com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                page.clock()
                        .setFixedTime(published.plus(Duration.ofMinutes(125)).toEpochMilli());
                page.navigate(http.base() + path);
                Locator time = page.locator("time.published");
                assertThat(time.textContent()).isEqualTo("2 hours ago");
                assertThat(time.getAttribute("title"))
                        .contains(String.valueOf(
                                published.atZone(java.time.ZoneOffset.UTC).getYear()));
                assertThat(Instant.parse(time.getAttribute("datetime"))).isEqualTo(published);
            }
            try (BrowserContext context = browser.newContext(
                    new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false))) {
                Page page = context.newPage();
                page.navigate(http.base() + path);
                assertThat(page.locator("time.published").textContent())
                        .doesNotContain("ago")
                        .contains(String.valueOf(
                                published.atZone(java.time.ZoneOffset.UTC).getYear()));
            }
            try (BrowserContext context = browser.newContext()) {
                // A day later the exact time is what a reader needs.
                Page page = context.newPage();
                page.clock().setFixedTime(published.plus(Duration.ofHours(30)).toEpochMilli());
                page.navigate(http.base() + path);
                assertThat(page.locator("time.published").textContent()).doesNotContain("ago");
            }
        }
    }
}
