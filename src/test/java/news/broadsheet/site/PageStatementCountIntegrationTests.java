package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StatementLog;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each public page type runs a bounded number of SQL statements, whatever it shows: the same
 * page type showing 20 stories (cards, comments, tags, sections, search hits) runs no more
 * statements than showing 5. Anonymous readers cost no session work: none of these requests touches
 * the session tables or sets a cookie.
 */
// Counts what rendering costs: the page cache would answer repeated reads with no statement at all.
@IntegrationTest(properties = "broadsheet.cache.enabled=false")
@Import(StatementLog.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageStatementCountIntegrationTests {

    static final int FEW = 5;
    static final int MANY = 20;

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementLog log;

    /** Per size, the pages of that size: page type → address. */
    final Map<Integer, Map<String, String>> pages = new LinkedHashMap<>();

    @BeforeAll
    void publish() {
        for (int size : List.of(FEW, MANY)) {
            pages.put(size, pagesShowing(size));
        }
        log.recording(true);
    }

    /** Pages of every type that each show {@code size} things: stories, comments, tags, sections. */
    private Map<String, String> pagesShowing(int size) {
        Section front = newsroom.section("Front " + size);
        List<Section> below = new ArrayList<>();
        for (int i = 0; i < Math.max(1, size / 5); i++) {
            below.add(newsroom.subsection(front, "Below " + i));
        }
        Author writer = newsroom.author("Writer " + size);
        String tag = Newsroom.unique("topic");
        String word = word();
        ArticleSummary last = null;
        // More than a page of stories, so the front has a second, older page.
        for (int i = 0; i < size + 25; i++) {
            Section in = below.get(i % below.size());
            var article = newsroom.article(in, writer)
                    .publishedAt(clock.instant().minus(Duration.ofMinutes(10L * (size + 25 - i))))
                    .tags(i < size ? new String[] {tag} : new String[0])
                    .body("A story about " + (i < size ? word : "other things") + " in detail.");
            if (i == 0) {
                // One story with as many tags as the page size.
                List<String> many = new ArrayList<>();
                for (int t = 0; t < size; t++) {
                    many.add(Newsroom.unique("many"));
                }
                many.add(tag);
                article = article.tags(many.toArray(String[]::new));
            }
            last = article.publish();
        }
        long commented = last.id();
        for (int c = 0; c < size; c++) {
            jdbc.sql("INSERT INTO comment (article_id, author_name, body, status, created_at, client_address_hash)"
                            + " VALUES (?, ?, ?, 'approved', ?, 'x')")
                    .params(
                            commented,
                            "Reader " + c,
                            "Comment " + c,
                            clock.instant().toEpochMilli() - 1000L * c)
                    .update();
        }
        awaitSearch(word, size);
        String older = Jsoup.parse(http.get(front.url()).body())
                .select("a[href*=before=]")
                .attr("href");
        assertThat(older).isNotEmpty();
        Map<String, String> byType = new LinkedHashMap<>();
        byType.put("section front", front.url());
        byType.put("deep section page", older);
        byType.put("tag page", "/tag/" + tag);
        byType.put("author page", writer.url());
        byType.put("article", last.url());
        byType.put("search results", "/search?q=" + word);
        byType.put("section feed", "/feeds/section/" + front.path() + ".atom");
        return byType;
    }

    @Test
    void eachPageTypeRunsAsManyStatementsShowingFiveThingsAsShowingTwenty() {
        Map<String, String> few = pages.get(FEW);
        Map<String, String> many = pages.get(MANY);
        for (String type : few.keySet()) {
            List<StatementLog.Executed> small = statementsOf(few.get(type));
            List<StatementLog.Executed> large = statementsOf(many.get(type));
            assertThat(large.size())
                    .as(
                            "%s: %d statements showing %d, %d showing %d:%n%s",
                            type,
                            small.size(),
                            FEW,
                            large.size(),
                            MANY,
                            String.join(
                                    "\n",
                                    large.stream()
                                            .map(StatementLog.Executed::sql)
                                            .toList()))
                    .isLessThanOrEqualTo(small.size());
        }
    }

    @Test
    void homeRunsAsManyStatementsWhateverTheNumberOfSectionsAndCards() {
        int before = statementsOf("/").size();
        for (int i = 0; i < 3; i++) {
            Section extra = newsroom.section("Extra " + i);
            Author author = newsroom.author("Extra writer " + i);
            for (int s = 0; s < 4; s++) {
                newsroom.article(extra, author).publish();
            }
        }

        List<StatementLog.Executed> after = statementsOf("/");

        assertThat(after.size())
                .as(String.join(
                        "\n", after.stream().map(StatementLog.Executed::sql).toList()))
                .isLessThanOrEqualTo(before);
    }

    @Test
    void sitemapsRunAsManyStatementsWhateverTheNumberOfStories() {
        int index = statementsOf("/sitemap.xml").size();
        int file = statementsOf("/sitemaps/articles-1.xml").size();
        Section more = newsroom.section("More");
        Author author = newsroom.author("More writer");
        for (int s = 0; s < MANY; s++) {
            newsroom.article(more, author).publish();
        }

        assertThat(statementsOf("/sitemap.xml").size()).isLessThanOrEqualTo(index);
        assertThat(statementsOf("/sitemaps/articles-1.xml").size()).isLessThanOrEqualTo(file);
    }

    @Test
    void feedsAnswerIfModifiedSinceBeforeReadingBodiesTagsOrImages() {
        String feed = pages.get(MANY).get("section feed");
        List<StatementLog.Executed> full = statementsOf(feed);
        String lastModified = http.get(feed).header("Last-Modified");
        Http.Response[] response = new Http.Response[1];

        List<StatementLog.Executed> conditional = log.during(() -> response[0] = http.send(
                java.net.http.HttpRequest.newBuilder()
                        .header("If-Modified-Since", lastModified)
                        .GET(),
                feed));

        assertThat(response[0].status()).isEqualTo(304);
        assertThat(conditional.size()).isLessThan(full.size());
        assertThat(conditional)
                .noneMatch(s -> s.sql().contains("body_html FROM article a WHERE a.id IN")
                        || s.sql().contains("FROM tag t JOIN article_tag"));
    }

    @Test
    void anonymousReadersCauseNoSessionWork() {
        List<String> paths = new ArrayList<>(List.of("/", "/sitemap.xml", "/feeds/all.atom"));
        paths.addAll(pages.get(FEW).values());
        for (String path : paths) {
            List<StatementLog.Executed> ran = new ArrayList<>();
            Http.Response[] response = new Http.Response[1];
            ran.addAll(log.during(() -> response[0] = http.get(path)));
            assertThat(response[0].status()).as(path).isEqualTo(200);
            assertThat(response[0].raw().headers().allValues("Set-Cookie"))
                    .as(path)
                    .isEmpty();
            assertThat(ran)
                    .as(path)
                    .noneMatch(s -> s.sql().toLowerCase(Locale.ROOT).contains("spring_session"));
        }
    }

    private List<StatementLog.Executed> statementsOf(String path) {
        // Once unmeasured, so one-time work (a first template render, a lazy bean) stays out of the count.
        assertThat(http.get(path).status()).as(path).isEqualTo(200);
        Http.Response[] response = new Http.Response[1];
        List<StatementLog.Executed> ran = log.during(() -> response[0] = http.get(path));
        assertThat(response[0].status()).as(path).isEqualTo(200);
        return ran;
    }

    private void awaitSearch(String word, int hits) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            int found = Jsoup.parse(http.get("/search?q=" + word).body())
                    .select(".search-hit__headline a")
                    .size();
            if (found >= Math.min(hits, 10)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the search index never showed " + word);
    }

    /** A made-up word no other story has. */
    private static String word() {
        String letters = "bcdfghjklmnpqrtvwxz";
        StringBuilder word = new StringBuilder("zu");
        for (int i = 0; i < 7; i++) {
            word.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return word.append('k').toString();
    }
}
