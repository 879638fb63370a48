package news.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StatementLog;
import news.broadsheet.support.TestDatabase;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The listing statements that the home page, section fronts (first and deep pages), tag and
 * author pages and their feeds actually run, re-run under EXPLAIN on an archive of many stories:
 * none may collect every matching row and sort it, or read every story of its list, since that
 * cost grows with the archive while a page stays twenty stories. PostgreSQL plans with fresh
 * statistics (autovacuum gathers them); SQLite without, as in production, where nothing runs
 * ANALYZE.
 */
// The statements rendering runs: the page cache would answer repeated reads without any.
@IntegrationTest(properties = "broadsheet.cache.enabled=false")
@Import(StatementLog.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveListingPlanIntegrationTests {

    /** Enough rows that a full sort costs the planner far more than reading an index in order. */
    static final int STORIES = 30_000;

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

    @Autowired
    news.broadsheet.article.internal.ArticleWorkflow workflow;

    Section world;
    Section defense;
    Author writer;
    String tag;

    @BeforeAll
    void fillTheArchive() {
        world = newsroom.section("World");
        defense = newsroom.subsection(world, "Defense");
        Section business = newsroom.section("Business");
        writer = newsroom.author("Ada Archive");
        Author other = newsroom.author("Bo Bulk");
        tag = Newsroom.unique("elections");
        String otherTag = Newsroom.unique("markets");
        newsroom.article(defense, writer).tags(tag, otherTag).publish();
        long now = clock.instant().minus(Duration.ofHours(2)).toEpochMilli();
        log.recording(false);
        // Spread over sections, bylines and tags; one in fifty a draft, a few expired.
        jdbc.sql("INSERT INTO article (slug, headline, standfirst, body_markdown, body_html, section_id, status,"
                        + " published_at, created_at, updated_at, comments_open, expires_at)"
                        + " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)"
                        + " SELECT 'bulk-' || i, 'Bulk story ' || i, 'Standfirst', 'Body', '<p>Body</p>',"
                        + " CASE i % 3 WHEN 0 THEN :world WHEN 1 THEN :defense ELSE :business END,"
                        + " CASE WHEN i % 50 = 0 THEN 'draft' ELSE 'published' END,"
                        + " :now - CAST(i AS BIGINT) * 60000, :now - CAST(i AS BIGINT) * 60000,"
                        + " :now - CAST(i AS BIGINT) * 60000, TRUE,"
                        + " CASE WHEN i % 500 = 0 THEN :now - CAST(i AS BIGINT) * 30000 ELSE NULL END FROM n")
                .param("count", STORIES)
                .param("world", world.id())
                .param("defense", defense.id())
                .param("business", business.id())
                .param("now", now)
                .update();
        jdbc.sql("INSERT INTO article_author (article_id, author_id, position)"
                        + " SELECT id, CASE WHEN id % 4 = 0 THEN :writer ELSE :other END, 0 FROM article"
                        + " WHERE slug LIKE 'bulk-%'")
                .param("writer", writer.id())
                .param("other", other.id())
                .update();
        long tagId = jdbc.sql("SELECT id FROM tag WHERE slug = ?")
                .param(tag)
                .query(Long.class)
                .single();
        long otherTagId = jdbc.sql("SELECT id FROM tag WHERE slug = ?")
                .param(otherTag)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO article_tag (article_id, tag_id) SELECT id, CASE WHEN id % 5 = 0 THEN :tag"
                        + " ELSE :other END FROM article WHERE slug LIKE 'bulk-%'")
                .param("tag", tagId)
                .param("other", otherTagId)
                .update();
        jdbc.sql("INSERT INTO article_section (article_id, section_id) SELECT id, :world FROM article"
                        + " WHERE slug LIKE 'bulk-%' AND id % 40 = 1")
                .param("world", world.id())
                .update();
        if (TestDatabase.isPostgresql()) {
            jdbc.sql("ANALYZE").update();
        }
        log.recording(true);
    }

    @Test
    void homeSectionTagAndAuthorListsReadAnIndexInTheirOrder() {
        List<String> pages = new ArrayList<>(List.of("/", world.url(), defense.url(), "/tag/" + tag, writer.url()));
        pages.add(olderPage(world.url(), 5));

        List<StatementLog.Executed> listings = new ArrayList<>();
        for (String page : pages) {
            List<StatementLog.Executed> ran = log.during(
                    () -> assertThat(http.get(page).status()).as(page).isEqualTo(200));
            List<StatementLog.Executed> lists = ran.stream()
                    .filter(s -> s.sql().contains("ORDER BY a.published_at DESC"))
                    .toList();
            assertThat(lists).as("listing statements of %s", page).isNotEmpty();
            listings.addAll(lists);
        }

        for (StatementLog.Executed listing : listings) {
            String plan = explain(listing);
            if (TestDatabase.isPostgresql()) {
                assertThat(plan)
                        .as("%s%n%s", listing.sql(), plan)
                        .doesNotContainPattern("Sort Key: (a\\.)?published_at")
                        .doesNotContain("Seq Scan on article a");
            } else {
                assertThat(plan)
                        .as("%s%n%s", listing.sql(), plan)
                        .doesNotContain("USE TEMP B-TREE FOR ORDER BY")
                        .contains("article_live_newest");
            }
        }
    }

    @Test
    void feedsFindWhenTheirListLastChangedInShortIndexReads() {
        List<String> pages = List.of("/", world.url(), "/tag/" + tag, writer.url());
        List<String> feeds = pages.stream()
                .map(page -> Jsoup.parse(http.get(page).body())
                        .select("link[rel=alternate][type=application/atom+xml]")
                        .last()
                        .attr("href"))
                .toList();
        assertThat(feeds).doesNotHaveDuplicates().allMatch(href -> href.startsWith("/feeds/"));

        List<StatementLog.Executed> lastChanges = new ArrayList<>();
        for (String feed : feeds) {
            List<StatementLog.Executed> ran = log.during(
                    () -> assertThat(http.get(feed).status()).as(feed).isEqualTo(200));
            List<StatementLog.Executed> changes = ran.stream()
                    .filter(s -> s.sql().contains("MAX(a.expires_at)"))
                    .toList();
            assertThat(changes).as("last-change statement of %s", feed).hasSize(1);
            lastChanges.addAll(changes);
        }

        assumeSqlitesPlans();
        for (StatementLog.Executed statement : lastChanges) {
            String plan = explain(statement);
            assertThat(plan)
                    .as("%s%n%s", statement.sql(), plan)
                    // Expiries and embargoes are read from their own indexes, never by walking the live stories.
                    .contains("USING INDEX article_expires (expires_at<?)")
                    .contains("USING INDEX article_embargo (embargo_until<?)")
                    .doesNotContainPattern("(?m)^SCAN a\\b")
                    .doesNotContain("TEMP B-TREE");
        }
        assertThat(explain(lastChanges.get(1))).contains("article_section_changed (section_id=?");
    }

    @Test
    void sitemapsNeverReadTheWholeArchiveOrSortIt() {
        List<String> pages = new ArrayList<>(List.of("/sitemap.xml", "/sitemaps/news.xml"));
        for (var file : Jsoup.parse(http.get("/sitemap.xml").body(), "", org.jsoup.parser.Parser.xmlParser())
                .select("sitemap > loc")) {
            pages.add(java.net.URI.create(file.text()).getPath());
        }
        List<StatementLog.Executed> ran = new ArrayList<>();
        for (String page : pages) {
            ran.addAll(log.during(
                    () -> assertThat(http.get(page).status()).as(page).isEqualTo(200)));
        }

        assumeSqlitesPlans();
        for (StatementLog.Executed statement : ran) {
            if (!statement.sql().contains("FROM article a")
                    || statement.sql().contains("COUNT(")
                    || statement.sql().startsWith("WITH RECURSIVE block")) {
                continue; // counts read their range by nature; the blocks query sorts block numbers, not stories
            }
            String plan = explain(statement);
            assertThat(plan)
                    .as("%s%n%s", statement.sql(), plan)
                    .doesNotContainPattern("(?m)^SCAN a\\b")
                    .doesNotContain("TEMP B-TREE FOR ORDER BY");
        }
    }

    @Test
    void theSchedulerReadsOnlyTheStoriesThatAreDue() {
        List<StatementLog.Executed> ran = log.duringOnThisThread(() -> workflow.runDue());
        List<StatementLog.Executed> due = ran.stream()
                .filter(s -> s.sql().startsWith("SELECT id FROM article"))
                .toList();
        assertThat(due).as("the scheduler's queries").hasSizeGreaterThanOrEqualTo(2);

        assumeSqlitesPlans();
        for (StatementLog.Executed statement : due) {
            String plan = explain(statement);
            // Scheduled stories by their own partial index, expiries and embargoes by theirs: never every story.
            assertThat(plan)
                    .as("%s%n%s", statement.sql(), plan)
                    .containsAnyOf("article_scheduled", "article_expires", "article_embargo")
                    .doesNotContainPattern("(?m)^SCAN article\\b");
        }
    }

    /** The address {@code depth} "Older stories" links down from a list page. */
    private String olderPage(String first, int depth) {
        String page = first;
        for (int i = 0; i < depth; i++) {
            String href = Jsoup.parse(http.get(page).body())
                    .select("a[href*=before=]")
                    .attr("href");
            assertThat(href).as("older link on %s", page).isNotEmpty();
            page = href;
        }
        return page;
    }

    /** The statement's plan, found without recording the EXPLAIN itself. */
    /** The plan checks below hold for SQLite, which keeps no statistics here; PostgreSQL plans from its own. */
    private static void assumeSqlitesPlans() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                TestDatabase.isPostgresql(),
                "SQLite's plans only: PostgreSQL plans these from its statistics, which fit a small archive");
    }

    private String explain(StatementLog.Executed statement) {
        log.recording(false);
        try {
            return plan(statement);
        } finally {
            log.recording(true);
        }
    }

    private String plan(StatementLog.Executed statement) {
        String prefix = TestDatabase.isPostgresql() ? "EXPLAIN " : "EXPLAIN QUERY PLAN ";
        String column = TestDatabase.isPostgresql() ? "QUERY PLAN" : "detail";
        return jdbc
                .sql(prefix + statement.sql())
                .params(statement.parameterList())
                .query((rs, n) -> rs.getString(column))
                .list()
                .stream()
                .collect(Collectors.joining("\n"));
    }
}
