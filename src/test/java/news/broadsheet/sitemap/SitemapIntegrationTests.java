package news.broadsheet.sitemap;

import static news.broadsheet.feed.FeedFormats.children;
import static news.broadsheet.feed.FeedFormats.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.StatementLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Three story ids per article sitemap, so a handful of stories spans several files. */
// What the sitemap handlers themselves answer and read: the page cache (tested with sitemaps in
// PageCacheIntegrationTests) would answer repeated reads without them.
@IntegrationTest(
        properties = {
            "broadsheet.sitemaps.urls-per-file=3",
            "broadsheet.site.language=fi",
            "broadsheet.cache.enabled=false"
        })
@Import(StatementLog.Configuration.class)
class SitemapIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    SiteSettings site;

    @Autowired
    StatementLog statements;

    @Test
    void indexListsEveryArticleFileEachHoldingAtMostThePerFileNumber() {
        Section section = newsroom.section("Business");
        Author author = newsroom.author("Omar Haddad");
        List<ArticleSummary> stories = List.of(
                newsroom.article(section, author).publish(),
                newsroom.article(section, author).publish(),
                newsroom.article(section, author).publish(),
                newsroom.article(section, author).publish());

        Map<String, String> index = Sitemaps.entries(Sitemaps.fetch(http, "/sitemap.xml"), "sitemap");
        List<String> paths = Sitemaps.articleFilePaths(http);
        List<Map<String, String>> files = Sitemaps.articleFiles(http);
        List<String> urls = Sitemaps.articleUrls(http);

        // Four stories in a row of ids cannot share one block of three ids.
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        assertThat(files).allSatisfy(file -> assertThat(file).hasSizeBetween(1, 3));
        assertThat(new HashSet<>(urls)).hasSameSizeAs(urls);
        assertThat(urls)
                .containsAll(stories.stream().map(s -> site.absolute(s.url())).toList());
        List<Long> numbers =
                paths.stream().map(SitemapIntegrationTests::fileNumber).toList();
        assertThat(numbers)
                .isSorted()
                .doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).isPositive());
        for (String path : paths) {
            // Dating a file in the index would read every live story; each file dates itself.
            assertThat(index).containsEntry(site.absolute(path), null);
            assertThat(http.get(path).header("Last-Modified")).as(path).isNotNull();
        }
        int pageFiles = Sitemaps.pageFiles(http).size();
        assertThat(index)
                .containsKeys(site.absolute("/sitemaps/pages-1.xml"), site.absolute("/sitemaps/news.xml"))
                .hasSize(files.size() + pageFiles + 1);
        assertThat(http.get("/sitemaps/articles-" + (numbers.getLast() + 1) + ".xml")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aStoryComingDownLeavesTheArticleFilesOfOtherStoriesAsTheyWere() {
        Instant start = clock.instant();
        Section section = newsroom.section("Almanac");
        Author author = newsroom.author("Ivo Sand");
        List<ArticleSummary> stories = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stories.add(newsroom.article(section, author)
                    .publishedAt(start.minus(Duration.ofHours(10 - i)))
                    .publish());
        }
        // The story taken down comes before the kept one, so numbering live stories would move the kept file.
        ArticleSummary removed = stories.getFirst();
        ArticleSummary kept = stories.getLast();
        String keptFile = fileOf(kept);
        assertThat(fileOf(removed)).isNotEqualTo(keptFile);
        Http.Response before = http.get(keptFile);
        clock.advance(Duration.ofMinutes(1));
        try {
            Account editor = newsroom.staff(Role.EDITOR);
            StaffClient staff = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);
            assertThat(staff.post("/admin/articles/" + removed.id() + "/workflow", "action", "unpublish")
                            .status())
                    .isEqualTo(302);

            assertThat(Sitemaps.articleUrls(http))
                    .doesNotContain(site.absolute(removed.url()))
                    .contains(site.absolute(kept.url()));
            assertThat(conditional(keptFile, "If-None-Match", before.header("ETag"))
                            .status())
                    .isEqualTo(304);
            assertThat(conditional(keptFile, "If-Modified-Since", before.header("Last-Modified"))
                            .status())
                    .isEqualTo(304);
        } finally {
            clock.set(start);
        }
    }

    @Test
    void sitemapsAnswerIfModifiedSinceBeforeListingStoriesAndNeverNumberOrSkipRows() {
        Section section = newsroom.section("Gazette");
        Author author = newsroom.author("Pia Holm");
        ArticleSummary story = newsroom.article(section, author).publish();
        String file = fileOf(story);
        statements.recording(true);
        for (String path : List.of("/sitemap.xml", file)) {
            List<StatementLog.Executed> full =
                    statements.during(() -> assertThat(http.get(path).status()).isEqualTo(200));
            String lastModified = http.get(path).header("Last-Modified");
            Http.Response[] response = new Http.Response[1];
            List<StatementLog.Executed> conditional =
                    statements.during(() -> response[0] = conditional(path, "If-Modified-Since", lastModified));

            assertThat(response[0].status()).as(path).isEqualTo(304);
            assertThat(conditional.size()).as(path).isLessThan(full.size());
            assertThat(conditional)
                    .as(path)
                    .noneMatch(s -> s.sql().contains("WITH RECURSIVE")
                            || (s.sql().contains("a.slug") && s.sql().contains("a.id BETWEEN")));
            // No statement numbers, skips or groups the live stories: each reads an index from a key.
            assertThat(full)
                    .as(path)
                    .noneMatch(s -> s.sql().toUpperCase(java.util.Locale.ROOT).contains("OFFSET")
                            || s.sql().toUpperCase(java.util.Locale.ROOT).contains("ROW_NUMBER")
                            || s.sql().toUpperCase(java.util.Locale.ROOT).contains("GROUP BY"));
        }
    }

    @Test
    void articleSitemapsGiveCanonicalAddressesWithTheLastChangeAsLastmod() {
        Section section = newsroom.section("Science");
        Author author = newsroom.author("Mei Tanaka");
        Instant published = clock.instant().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        Instant updated = published.plus(Duration.ofHours(2));
        ArticleSummary story = newsroom.article(section, author)
                .publishedAt(published)
                .updatedAt(updated)
                .publish();

        Map<String, String> urls = new java.util.HashMap<>();
        Sitemaps.articleFiles(http).forEach(urls::putAll);

        assertThat(urls).containsEntry(site.absolute(story.url()), updated.toString());
    }

    @Test
    void pagesSitemapListsHomeAndTheSectionTagAndAuthorPagesThatHaveLiveStories() {
        Section world = newsroom.section("World");
        Section defense = newsroom.subsection(world, "Defense");
        Section empty = newsroom.section("Empty");
        Author writer = newsroom.author("Lena Brook");
        Author draftOnly = newsroom.author("Draft Writer");
        String liveTag = Newsroom.unique("live-tag");
        String draftTag = Newsroom.unique("draft-tag");
        newsroom.article(defense, writer).tags(liveTag).publish();
        newsroom.article(empty, draftOnly)
                .tags(draftTag)
                .status(ArticleStatus.DRAFT)
                .create();

        Map<String, String> pages = Sitemaps.pages(http);

        assertThat(pages.keySet().iterator().next()).isEqualTo(site.absolute("/"));
        assertThat(pages)
                .containsKeys(
                        site.absolute(world.url()),
                        site.absolute(defense.url()),
                        site.absolute("/tag/" + liveTag),
                        site.absolute(writer.url()))
                .doesNotContainKeys(
                        site.absolute(empty.url()), site.absolute("/tag/" + draftTag), site.absolute(draftOnly.url()));
        // Home and sections are dated by their newest story; tag and author pages go undated.
        assertThat(pages.get(site.absolute("/"))).isNotNull();
        assertThat(pages.get(site.absolute(world.url()))).isNotNull();
        assertThat(pages.get(site.absolute(defense.url()))).isNotNull();
        assertThat(pages.get(site.absolute("/tag/" + liveTag))).isNull();
        assertThat(pages.get(site.absolute(writer.url()))).isNull();
    }

    @Test
    void pagesAreSplitIntoFilesOfAtMostThePerFileNumberListedInTheIndex() {
        Section section = newsroom.section("Regions");
        Author author = newsroom.author("Iris Lund");
        List<String> tags =
                List.of(Newsroom.unique("region-a"), Newsroom.unique("region-b"), Newsroom.unique("region-c"));
        for (String tag : tags) {
            newsroom.article(section, author).tags(tag).publish();
        }

        List<Map<String, String>> files = Sitemaps.pageFiles(http);
        Map<String, String> index = Sitemaps.entries(Sitemaps.fetch(http, "/sitemap.xml"), "sitemap");

        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        assertThat(files).allSatisfy(file -> assertThat(file).hasSizeBetween(1, 3));
        assertThat(files.subList(0, files.size() - 1))
                .allSatisfy(file -> assertThat(file).hasSize(3));
        assertThat(Sitemaps.pages(http))
                .containsKeys(tags.stream().map(t -> site.absolute("/tag/" + t)).toArray(String[]::new))
                .containsKeys(site.absolute(section.url()), site.absolute(author.url()));
        for (int n = 1; n <= files.size(); n++) {
            assertThat(index.get(site.absolute("/sitemaps/pages-" + n + ".xml")))
                    .isNotNull();
        }
        assertThat(index).doesNotContainKey(site.absolute("/sitemaps/pages-" + (files.size() + 1) + ".xml"));
        assertThat(http.get("/sitemaps/pages-" + (files.size() + 1) + ".xml").status())
                .isEqualTo(404);
        Http.Response old = http.get("/sitemaps/pages.xml");
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.location()).isEqualTo("/sitemaps/pages-1.xml");
    }

    @Test
    void takingDownAnOlderStoryMovesLastModifiedOfTheSitemapsItLeaves() {
        Instant start = clock.instant();
        Section section = newsroom.section("Archive");
        Author author = newsroom.author("Tove Berg");
        ArticleSummary older = newsroom.article(section, author)
                .publishedAt(start.minus(Duration.ofHours(5)))
                .publish();
        newsroom.article(section, author)
                .publishedAt(start.minus(Duration.ofHours(1)))
                .publish();
        String file = fileOf(older);
        Map<String, String> before = new java.util.LinkedHashMap<>();
        for (String path : List.of("/sitemap.xml", "/sitemaps/pages-1.xml", file, "/sitemaps/news.xml")) {
            String lastModified = http.get(path).header("Last-Modified");
            assertThat(conditional(path, "If-Modified-Since", lastModified).status())
                    .as(path)
                    .isEqualTo(304);
            before.put(path, lastModified);
        }
        clock.advance(Duration.ofMinutes(1));
        try {
            Account editor = newsroom.staff(Role.EDITOR);
            StaffClient staff = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);
            assertThat(staff.post("/admin/articles/" + older.id() + "/workflow", "action", "unpublish")
                            .status())
                    .isEqualTo(302);

            assertThat(Sitemaps.articleUrls(http)).doesNotContain(site.absolute(older.url()));
            before.forEach((path, lastModified) -> assertThat(
                            conditional(path, "If-Modified-Since", lastModified).status())
                    .as(path)
                    .isEqualTo(200));
        } finally {
            clock.set(start);
        }
    }

    @Test
    void newsSitemapMovesLastModifiedWhenAStoryGrowsTooOldForIt() {
        Instant start = clock.instant();
        Section section = newsroom.section("Weather");
        Author author = newsroom.author("Oda Moe");
        newsroom.article(section, author)
                .publishedAt(start.minus(Duration.ofHours(47)))
                .publish();
        String lastModified = http.get("/sitemaps/news.xml").header("Last-Modified");
        clock.advance(Duration.ofHours(2));
        try {
            assertThat(conditional("/sitemaps/news.xml", "If-Modified-Since", lastModified)
                            .status())
                    .isEqualTo(200);
        } finally {
            clock.set(start);
        }
    }

    /** The address of the article sitemap file that lists this story. */
    private String fileOf(ArticleSummary story) {
        for (String path : Sitemaps.articleFilePaths(http)) {
            if (Sitemaps.entries(Sitemaps.fetch(http, path), "url").containsKey(site.absolute(story.url()))) {
                return path;
            }
        }
        throw new AssertionError("not in any article sitemap: " + story.url());
    }

    private static long fileNumber(String path) {
        return Long.parseLong(path.substring("/sitemaps/articles-".length(), path.length() - ".xml".length()));
    }

    @Test
    void newsSitemapHoldsOnlyStoriesOfTheLastTwoDays() {
        Section section = newsroom.section("Politics");
        Author author = newsroom.author("Ruth Okafor");
        Instant now = clock.instant();
        ArticleSummary recent = newsroom.article(section, author)
                .headline("Vote & count ]]> <b>tonight</b> \u0001")
                .publishedAt(now.minus(Duration.ofHours(47)))
                .publish();
        ArticleSummary old = newsroom.article(section, author)
                .publishedAt(now.minus(Duration.ofHours(49)))
                .publish();

        Document news = Sitemaps.fetch(http, "/sitemaps/news.xml");
        List<Element> urls = children(news.getDocumentElement(), Sitemaps.NS, "url");
        List<String> locs = urls.stream().map(u -> text(u, Sitemaps.NS, "loc")).toList();

        assertThat(locs).contains(site.absolute(recent.url())).doesNotContain(site.absolute(old.url()));
        assertThat(urls).hasSizeLessThanOrEqualTo(1000);
        Element entry = urls.get(locs.indexOf(site.absolute(recent.url())));
        Element item = children(entry, Sitemaps.NEWS, "news").getFirst();
        Element publication = children(item, Sitemaps.NEWS, "publication").getFirst();
        assertThat(text(publication, Sitemaps.NEWS, "name")).isEqualTo(site.name());
        assertThat(text(publication, Sitemaps.NEWS, "language")).isEqualTo("fi");
        assertThat(text(item, Sitemaps.NEWS, "publication_date"))
                .isEqualTo(recent.publishedAt().toString());
        assertThat(text(item, Sitemaps.NEWS, "title")).isEqualTo("Vote & count ]]> <b>tonight</b> ");

        clock.advance(Duration.ofHours(2));
        try {
            assertThat(http.get("/sitemaps/news.xml").body()).doesNotContain(recent.url());
        } finally {
            clock.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void answersConditionalRequestsWithNotModifiedUntilAStoryIsPublished() {
        Section section = newsroom.section("Travel");
        Author author = newsroom.author("Sam Reyes");
        newsroom.article(section, author).publish();
        for (String path :
                List.of("/sitemap.xml", "/sitemaps/pages-1.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml")) {
            Http.Response first = http.get(path);
            assertThat(first.header("ETag")).as(path).matches("(W/)?\"[0-9a-f]{32}\"");
            assertThat(first.header("Last-Modified")).as(path).isNotNull();
            assertThat(first.header("Cache-Control")).contains("max-age=300");
            assertThat(conditional(path, "If-None-Match", first.header("ETag")).status())
                    .as(path)
                    .isEqualTo(304);
            assertThat(conditional(path, "If-Modified-Since", first.header("Last-Modified"))
                            .status())
                    .as(path)
                    .isEqualTo(304);
        }
        Http.Response index = http.get("/sitemap.xml");

        clock.advance(Duration.ofMinutes(1));
        newsroom.article(section, author).publishedAt(clock.instant()).publish();

        assertThat(conditional("/sitemap.xml", "If-None-Match", index.header("ETag"))
                        .status())
                .isEqualTo(200);
        assertThat(conditional("/sitemap.xml", "If-Modified-Since", index.header("Last-Modified"))
                        .status())
                .isEqualTo(200);
        assertThat(http.request("HEAD", "/sitemap.xml").status()).isEqualTo(200);
    }

    @Test
    void unknownSitemapsAreNotFound() {
        for (String path : List.of(
                "/sitemaps/articles-0.xml",
                "/sitemaps/articles-99999.xml",
                "/sitemaps/articles-x.xml",
                "/sitemaps/other.xml",
                "/sitemaps/pages.txt")) {
            assertThat(http.get(path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfTheNewsroomAndPointsAtTheSitemaps() {
        Http.Response robots = http.get("/robots.txt");

        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.header("Content-Type")).startsWith("text/plain");
        List<String> lines = robots.body().lines().toList();
        assertThat(lines)
                .contains(
                        "User-agent: *",
                        "Allow: /",
                        "Disallow: /admin/",
                        "Disallow: /login$",
                        "Disallow: /search$",
                        "Disallow: /search?",
                        "Sitemap: " + site.absolute("/sitemap.xml"),
                        "Sitemap: " + site.absolute("/sitemaps/news.xml"));
        assertThat(lines).noneMatch(line -> line.equals("Disallow: /"));
    }

    private Http.Response conditional(String path, String header, String value) {
        return http.send(
                java.net.http.HttpRequest.newBuilder().header(header, value).GET(), path);
    }
}
