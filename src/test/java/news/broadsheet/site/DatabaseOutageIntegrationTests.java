package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabase;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * With the database gone (its directory moved away, every pooled connection closed, so opening one
 * fails as it does after a lost disk or mount), kept pages are still served, everything else is
 * answered 503 with {@code Retry-After} and the site's own page or problem details, a comment keeps
 * the reader's text; once the files are back the site works again without a restart.
 */
@IntegrationTest(
        properties = {
            "broadsheet.comments.moderation=post",
            // The database in a directory of its own, so moving it away leaves the search index be.
            "spring.datasource.url=jdbc:sqlite:${broadsheet.data-dir}/db/broadsheet.db?journal_mode=WAL"
                    + "&synchronous=FULL&foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE",
            // A request waits this long for a connection the pool cannot open, instead of 30 s.
            "spring.datasource.hikari.connection-timeout=1000"
        })
class DatabaseOutageIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    DataSource dataSource;

    @Autowired
    MutableClock clock;

    @Value("${broadsheet.data-dir}")
    Path dataDir;

    @BeforeEach
    void onSqliteOnly() {
        assumeFalse(TestDatabase.isPostgresql(), "moves SQLite's files; PostgreSQL's server is not the test's to stop");
    }

    @Test
    void servesKeptPagesAndAnswersTheRestWithServiceUnavailableUntilTheDatabaseIsBack() throws Exception {
        var section = newsroom.section("Harbour");
        var author = newsroom.author("Ada Vale");
        ArticleSummary cached = newsroom.article(section, author).publish();
        ArticleSummary aged = newsroom.article(section, author).publish();
        ArticleSummary uncached = newsroom.article(section, author).publish();
        assertThat(http.get(aged.url()).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(6)); // past keep-for (5 minutes): "aged" is rendered again when asked
        assertThat(http.get(cached.url()).status()).isEqualTo(200);

        try {
            goAway();
            Http.Response fresh = http.get(cached.url());
            assertThat(fresh.status()).isEqualTo(200);
            assertThat(fresh.body()).contains(cached.headline());

            // Rendering it again fails, so the last good copy is served.
            Http.Response old = http.get(aged.url());
            assertThat(old.status()).as(old.body()).isEqualTo(200);
            assertThat(old.header("X-Cache")).isEqualTo("STALE");
            assertThat(old.body()).contains(aged.headline());

            Http.Response page = http.get(uncached.url());
            assertThat(page.status()).as(page.body()).isEqualTo(503);
            assertThat(page.header("Retry-After")).isEqualTo("2");
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.page().select("h1").text()).isEqualTo("Busy for a moment");
            assertThat(page.body()).doesNotContain("Exception").doesNotContain("SQL");

            Http.Response api = http.get("/api/v1/articles/" + uncached.id());
            assertThat(api.status()).as(api.body()).isEqualTo(503);
            assertThat(api.header("Retry-After")).isEqualTo("2");
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.body()).doesNotContain("Exception").doesNotContain("SQL");

            Http.Response comment = http.postForm(
                    "/articles/" + cached.id() + "/comments",
                    Http.form("name", "Noor Dark", "body", "Written while the lights were out."));
            assertThat(comment.status()).as(comment.body()).isEqualTo(503);
            assertThat(comment.header("Retry-After")).isEqualTo("2");
            Document form = comment.page();
            assertThat(form.text()).contains("could not save your comment");
            assertThat(form.selectFirst("textarea[name=body]").text()).isEqualTo("Written while the lights were out.");
            assertThat(form.selectFirst("input[name=name]").val()).isEqualTo("Noor Dark");
        } finally {
            comeBack();
        }

        assertThat(http.get(uncached.url()).status()).isEqualTo(200);
        assertThat(http.get(aged.url()).header("X-Cache")).isEqualTo("MISS");
        assertThat(http.get("/api/v1/articles/" + uncached.id()).status()).isEqualTo(200);
        Http.Response comment = http.postForm(
                "/articles/" + cached.id() + "/comments",
                Http.form("name", "Noor Dark", "body", "Written once the lights were back."));
        assertThat(comment.status()).as(comment.body()).isEqualTo(303);
        assertThat(http.get(cached.url()).body())
                .contains("Written once the lights were back.")
                .doesNotContain("Written while the lights were out.");
    }

    @Test
    void neverServesACopyThatAChangeReplacedEvenWhenTheDatabaseIsGone() throws Exception {
        var section = newsroom.section("Courts");
        var author = newsroom.author("Ida Early");
        ArticleSummary story = newsroom.article(section, author).publish();
        ArticleSummary other = newsroom.article(section, author).publish();
        assertThat(http.get(story.url()).status()).isEqualTo(200);
        assertThat(http.get(other.url()).status()).isEqualTo(200);
        // Taken down: the kept page is superseded, and must not come back during an outage.
        assertThat(newsroom.articles().delete(story.id(), Actor.SYSTEM, "legal"))
                .isTrue();

        try {
            goAway();
            Http.Response page = http.get(story.url());
            assertThat(page.status()).as(page.body()).isEqualTo(503);
            assertThat(page.body()).doesNotContain(story.headline());

            // The change made the cache look for scheduled changes again; that look failed, and kept
            // pages do not wait for the next one (a connection is waited for up to a second here).
            long started = System.nanoTime();
            Http.Response kept = http.get(other.url());
            assertThat(kept.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        } finally {
            comeBack();
        }
        assertThat(http.get(story.url()).status()).isEqualTo(404);
    }

    @Test
    void answersNoAddressWithAServerErrorWhileTheDatabaseIsGone() throws Exception {
        var section = newsroom.section("Weather");
        ArticleSummary story =
                newsroom.article(section, newsroom.author("Lea Storm")).publish();
        List<String> addresses = List.of(
                "/",
                section.url(),
                story.url(),
                "/search?q=weather",
                "/search/suggest?q=wea",
                "/feeds/all.rss",
                "/feeds/all.json",
                "/sitemap.xml",
                "/robots.txt",
                "/login",
                "/api/v1/articles",
                "/api/v1/sections",
                "/api/v1/search?q=weather",
                "/no-such-page");

        try {
            goAway();
            for (String address : addresses) {
                Http.Response response = http.get(address);
                assertThat(response.status())
                        .as(address + ": " + response.body())
                        .isNotEqualTo(500)
                        .isIn(200, 404, 503);
                assertThat(response.body())
                        .as(address)
                        .doesNotContain("Exception")
                        .doesNotContain("at news.");
                if (response.status() == 503) {
                    assertThat(response.header("Retry-After")).as(address).isEqualTo("2");
                }
            }
            Http.Response report = http.postForm("/articles/" + story.id() + "/comments/1/report", Map.of());
            assertThat(report.status()).as(report.body()).isNotEqualTo(500);
        } finally {
            comeBack();
        }
        for (String address : addresses.subList(0, addresses.size() - 1)) {
            assertThat(http.get(address).status()).as(address).isEqualTo(200);
        }
    }

    /** Moves the database's directory away and closes every pooled connection: new ones cannot open. */
    private void goAway() throws Exception {
        Files.move(dataDir.resolve("db"), dataDir.resolve("db-away"));
        HikariDataSource pool = (HikariDataSource) dataSource;
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // Evicted again each round: the pool may still be refilling after the last outage, and a
        // connection it began opening before the move works on (the open files moved with it).
        do {
            pool.getHikariPoolMXBean().softEvictConnections();
            Thread.sleep(20);
        } while (pool.getHikariPoolMXBean().getTotalConnections() > 0 && System.nanoTime() < until);
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isZero();
        // A real outage, not a simulated one: the driver itself cannot open the database now.
        assertThatThrownBy(() -> DriverManager.getConnection(pool.getJdbcUrl()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SQLITE_CANTOPEN");
    }

    /**
     * Puts the directory back and waits for the pool to open a connection again by itself: Hikari
     * keeps trying, backing off to at most 5 s between attempts.
     */
    private void comeBack() throws Exception {
        if (Files.exists(dataDir.resolve("db-away"))) {
            Files.move(dataDir.resolve("db-away"), dataDir.resolve("db"));
        }
        HikariDataSource pool = (HikariDataSource) dataSource;
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (pool.getHikariPoolMXBean().getTotalConnections() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isPositive();
    }
}
