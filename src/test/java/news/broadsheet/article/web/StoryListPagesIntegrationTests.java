package news.broadsheet.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class StoryListPagesIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    Section world;
    Section defense;

    @Autowired
    news.broadsheet.support.TestDatabaseQueries db;

    Author reporter;

    @BeforeEach
    void setUp() {
        world = newsroom.section("World");
        defense = newsroom.subsection(world, "Defense");
        reporter = newsroom.author("Lena Brook");
    }

    @Test
    void sectionPageShowsTrailAndNewestFirstIncludingSubsections() {
        Instant now = clock.instant();
        ArticleSummary older = newsroom.article(world, reporter)
                .publishedAt(now.minus(Duration.ofHours(3)))
                .publish();
        ArticleSummary newer = newsroom.article(defense, reporter)
                .publishedAt(now.minus(Duration.ofHours(1)))
                .publish();

        Document worldPage = http.get(world.url()).page();
        Document defensePage = http.get(defense.url()).page();

        assertThat(worldPage.selectFirst("h1").text()).isEqualTo("World");
        assertThat(headlineLinks(worldPage)).containsExactly(newer.url(), older.url());
        assertThat(defensePage.select("nav.trail a")).extracting(Element::text).containsExactly("World", "Defense");
        assertThat(headlineLinks(defensePage)).containsExactly(newer.url());
    }

    @Test
    void pagesOlderStoriesWithKeysetLinks() {
        Section busy = newsroom.section("Business");
        List<String> expected = new ArrayList<>();
        Instant base = clock.instant().minus(Duration.ofDays(2));
        for (int i = 0; i < 25; i++) {
            // Pairs share a publication time, so the id must break ties for paging to stay exact.
            Instant published = base.plus(Duration.ofMinutes(10L * (i / 2)));
            expected.addFirst(newsroom.article(busy, reporter)
                    .publishedAt(published)
                    .publish()
                    .url());
        }

        Document first = http.get(busy.url()).page();
        Element older = first.selectFirst("a[rel=next]");
        assertThat(older).isNotNull();
        assertThat(older.text()).isEqualTo("Older stories");
        assertThat(older.attr("href")).matches("/" + busy.path() + "\\?before=\\d+\\.\\d+");
        Document second = http.get(older.attr("href")).page();

        List<String> seen = new ArrayList<>(headlineLinks(first));
        assertThat(seen).hasSize(NewsPathController.STORIES_PER_PAGE);
        seen.addAll(headlineLinks(second));
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(second.selectFirst("a[rel=next]")).isNull();
        assertThat(second.selectFirst(".pager a").attr("href")).isEqualTo(busy.url());
    }

    @Test
    void authorPagesPageThroughAllTheirStories() {
        Author prolific = newsroom.author("Prolific Writer");
        Instant base = clock.instant().minus(Duration.ofDays(3));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            expected.addFirst(newsroom.article(world, prolific)
                    .publishedAt(base.plus(Duration.ofMinutes(i)))
                    .publish()
                    .url());
        }

        Document first = http.get(prolific.url()).page();
        Document second =
                http.get(first.selectFirst("a[rel=next]").attr("href")).page();

        List<String> seen = new ArrayList<>(headlineLinks(first));
        seen.addAll(headlineLinks(second));
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void marksTheCurrentSectionInItsTrail() {
        Document page = http.get(defense.url()).page();

        assertThat(page.select("nav.trail a[aria-current=page]"))
                .extracting(Element::text)
                .containsExactly("Defense");
    }

    @Test
    void givesEachSectionOneAddress() {
        assertThat(http.get("/" + defense.path().replace("/", "%2F")).status()).isEqualTo(404);
        assertThat(http.get("/" + defense.path().replace("/", "%2f")).status()).isEqualTo(404);
    }

    @Test
    void keepsTheQueryWhenRemovingATrailingSlash() {
        Http.Response response = http.get(world.url() + "/?before=1.2");

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.location()).isEqualTo(world.url() + "?before=1.2");
    }

    @Test
    void rejectsMalformedPageLinks() {
        assertThat(http.get(world.url() + "?before=yesterday").status()).isEqualTo(400);
    }

    @Test
    void answersUnknownSectionsAndMalformedPathsWithNotFound() {
        for (String path : List.of(
                "/no-such-section",
                "/" + world.path() + "/no-such-child",
                "/World",
                "/world%20x",
                "/a/b/c/d/e/f/g/h/i/j/k/l/m/n",
                "/" + defense.path() + "/2026/13/99")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.page().selectFirst("h1").text()).as(path).isEqualTo("Page not found");
        }
    }

    @Test
    void redirectsTrailingSlashToTheSectionPage() {
        Http.Response response = http.get(world.url() + "/");

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.location()).isEqualTo(world.url());
    }

    @Test
    void neverRedirectsOffSite() {
        for (String path : List.of("//evil.example/", "/%2F%2Fevil.example/", "/%5C%5Cevil.example/", "/%7Bx%7D/")) {
            Http.Response response = http.get(path);
            // "//" is refused by the security firewall (400) before routing; the rest are 404s.
            assertThat(response.status()).as(path).isIn(400, 404);
            assertThat(response.header("Location")).as(path).isNull();
        }
    }

    @Test
    void tagPageListsTaggedStoriesAndPages() {
        String tag = Newsroom.unique("Harbour Strike");
        ArticleSummary tagged = newsroom.article(world, reporter).tags(tag).publish();
        newsroom.article(world, reporter).publish();
        String tagUrl = "/tag/" + news.broadsheet.shared.Slugs.from(tag);

        Document page = http.get(tagUrl).page();

        assertThat(page.selectFirst("h1").text()).isEqualTo(tag);
        assertThat(headlineLinks(page)).containsExactly(tagged.url());
        assertThat(http.get(tagUrl + "?before=" + tagged.publishedAt().toEpochMilli() + "." + tagged.id())
                        .page()
                        .select(".card"))
                .isEmpty();
        assertThat(http.get("/tag/no-such-tag").status()).isEqualTo(404);
    }

    @Test
    void authorPageShowsBioAndTheirStoriesOnly() {
        Author other = newsroom.author("Someone Else");
        ArticleSummary mine = newsroom.article(world, reporter).publish();
        newsroom.article(world, other).publish();

        Document page = http.get(reporter.url()).page();

        assertThat(page.selectFirst("h1").text()).isEqualTo("Lena Brook");
        assertThat(page.selectFirst(".profile__bio").text()).isEqualTo("Lena Brook writes for us.");
        assertThat(headlineLinks(page)).containsExactly(mine.url());
        assertThat(http.get("/author/no-such-person").status()).isEqualTo(404);
    }

    @Test
    void homePageShowsLeadStoryAndLatestPerTopLevelSection() {
        Section science = newsroom.section("Science");
        // Newest possible: now, and the highest ids break any tie with stories other tests published:
        // the lead is the newest, the world story the next.
        ArticleSummary worldStory =
                newsroom.article(defense, reporter).publishedAt(clock.instant()).publish();
        ArticleSummary lead =
                newsroom.article(science, reporter).publishedAt(clock.instant()).publish();

        Document home = http.get("/").page();

        assertThat(home.selectFirst(".lead .card__headline a").attr("href")).isEqualTo(lead.url());
        // The next newest sit beside the lead; each story shows once on the page.
        assertThat(home.select(".latest .card__headline a").eachAttr("href")).contains(worldStory.url());
        List<String> links = headlineLinks(home);
        assertThat(links).doesNotHaveDuplicates();
        // A section row never repeats a story shown above it.
        Element scienceFront = home.selectFirst("section.front:has(h2 a[href=" + science.url() + "])");
        assertThat(
                        scienceFront == null
                                ? List.of()
                                : scienceFront.select(".card__headline a").eachAttr("href"))
                .doesNotContain(lead.url());
        // The masthead names the first top-level sections and links to all of them when there are more.
        List<String> nav = home.select("nav.sections-nav a").eachAttr("href");
        int topLevel = db.jdbc()
                .sql("SELECT COUNT(*) FROM section WHERE parent_id IS NULL")
                .query(Integer.class)
                .single();
        if (topLevel > news.broadsheet.site.PageChrome.MASTHEAD_SECTIONS) {
            assertThat(nav)
                    .hasSize(news.broadsheet.site.PageChrome.MASTHEAD_SECTIONS + 1)
                    .endsWith("/sections");
            assertThat(http.get("/sections").page().select("main a").eachAttr("href"))
                    .contains(world.url(), science.url(), defense.url());
        } else {
            assertThat(nav).contains(world.url(), science.url());
        }
    }

    @Test
    void theCurrentSectionIsMarkedInTheMastheadAndSectionFrontsListTheirSubsections() {
        String first = http.get("/").page().selectFirst("nav.sections-nav a").attr("href");
        Element current = http.get(first).page().selectFirst("nav.sections-nav a[aria-current]");
        assertThat(current).isNotNull();
        assertThat(current.attr("href")).isEqualTo(first);
        assertThat(current.attr("aria-current")).isEqualTo("page");
        assertThat(http.get("/").page().select("nav.sections-nav a[aria-current]"))
                .isEmpty();

        Document front = http.get(world.url()).page();
        assertThat(front.select("nav.subsections a").eachAttr("href")).contains(defense.url());
        assertThat(http.get(defense.url()).page().select("nav.subsections")).isEmpty();
    }

    private static List<String> headlineLinks(Document page) {
        return page.select(".card__headline a").eachAttr("href");
    }
}
