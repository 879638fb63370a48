package news.broadsheet.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.comment.CommentStatus;
import news.broadsheet.comment.Comments;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No story a reader may not see (draft, in review, scheduled, embargoed, unpublished, expired)
 * reaches any feed or sitemap, and an embargo that lifts lets the story in everywhere.
 */
@IntegrationTest(properties = "broadsheet.sitemaps.urls-per-file=3")
class LiveOnlyIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    Comments comments;

    @Autowired
    TestDatabaseQueries database;

    Section section;
    Author author;
    String tag;

    @BeforeEach
    void setUp() {
        section = newsroom.section("Leaks");
        author = newsroom.author("Nadia Petrov");
        tag = Newsroom.unique("leak-tag");
        // One live story, so every scope exists and has something to show.
        newsroom.article(section, author).tags(tag).publish();
    }

    @Test
    void storiesReadersCannotSeeAreInNoFeedAndNoSitemap() {
        Instant now = clock.instant();
        List<String> hidden = new ArrayList<>();
        List<Long> hiddenIds = new ArrayList<>();
        hiddenIds.add(hidden(hidden, ArticleStatus.DRAFT, now.minus(Duration.ofHours(1))));
        hiddenIds.add(hidden(hidden, ArticleStatus.IN_REVIEW, now.minus(Duration.ofHours(1))));
        hiddenIds.add(hidden(hidden, ArticleStatus.SCHEDULED, now.plus(Duration.ofHours(1))));
        hiddenIds.add(hidden(hidden, ArticleStatus.PUBLISHED, now.plus(Duration.ofHours(1))));
        hiddenIds.add(hidden(hidden, ArticleStatus.UNPUBLISHED, now.minus(Duration.ofHours(1))));
        long embargoed = hidden(hidden, ArticleStatus.PUBLISHED, now.minus(Duration.ofHours(1)));
        hiddenIds.add(embargoed);
        embargo(embargoed, now.plus(Duration.ofHours(3)));
        long expired = hidden(hidden, ArticleStatus.PUBLISHED, now.minus(Duration.ofHours(2)));
        hiddenIds.add(expired);
        database.jdbc()
                .sql("UPDATE article SET expires_at = ? WHERE id = ?")
                .params(now.minus(Duration.ofMinutes(30)).toEpochMilli(), expired)
                .update();
        for (long id : hiddenIds) {
            comments.importComment(id, null, "Reader", null, "Comment on a hidden story.", CommentStatus.APPROVED, now);
        }

        String everything = everythingPublic();

        for (String slug : hidden) {
            assertThat(everything).as(slug).doesNotContain(slug);
        }
        assertThat(everything).doesNotContain("hidden-headline");
        for (long id : hiddenIds) {
            for (String extension : List.of("rss", "atom", "json")) {
                assertThat(http.get("/feeds/comments/" + id + "." + extension).status())
                        .isEqualTo(404);
            }
        }
    }

    @Test
    void aTagOnlyStoriesReadersCannotSeeCarryHasNoFeed() {
        Instant now = clock.instant();
        String secret = Newsroom.unique("secret-merger");
        tagged(secret, ArticleStatus.SCHEDULED, now.plus(Duration.ofHours(1)));
        tagged(secret, ArticleStatus.IN_REVIEW, now.minus(Duration.ofHours(1)));
        long embargoed = tagged(secret, ArticleStatus.PUBLISHED, now.minus(Duration.ofHours(1)));
        embargo(embargoed, now.plus(Duration.ofHours(3)));
        long expired = tagged(secret, ArticleStatus.PUBLISHED, now.minus(Duration.ofHours(2)));
        database.jdbc()
                .sql("UPDATE article SET expires_at = ? WHERE id = ?")
                .params(now.minus(Duration.ofMinutes(30)).toEpochMilli(), expired)
                .update();

        for (String extension : List.of("rss", "atom", "json")) {
            Http.Response feed = http.get("/feeds/tag/" + secret + "." + extension);
            assertThat(feed.status()).as(extension).isEqualTo(404);
            assertThat(feed.body()).doesNotContainIgnoringCase(secret);
        }
        Http.Response page = http.get("/tag/" + secret);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContainIgnoringCase(secret);
    }

    @Test
    void anAuthorWithNoLiveStoryKeepsAnEmptyFeedLikeTheirPage() {
        Author quiet = newsroom.author("Quiet Writer");
        newsroom.article(section, quiet)
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(clock.instant().plus(Duration.ofHours(1)))
                .create();

        assertThat(http.get(quiet.url()).status()).isEqualTo(200);
        Http.Response feed = http.get("/feeds/author/" + quiet.slug() + ".json");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(news.broadsheet.feed.FeedFormats.assertJsonFeed(feed.body()).path("items"))
                .isEmpty();
    }

    private long tagged(String tagName, ArticleStatus status, Instant publishedAt) {
        return newsroom.article(section, author)
                .tags(tagName)
                .status(status)
                .publishedAt(publishedAt)
                .create();
    }

    @Test
    void anEmbargoLiftedByTheClockLetsTheStoryIntoFeedsAndSitemaps() {
        Instant now = clock.instant();
        List<String> slugs = new ArrayList<>();
        long id = hidden(slugs, ArticleStatus.PUBLISHED, now.minus(Duration.ofHours(1)));
        embargo(id, now.plus(Duration.ofMinutes(30)));

        assertThat(everythingPublic()).doesNotContain(slugs.getFirst());

        clock.advance(Duration.ofHours(1));
        try {
            ArticleSummary live = newsroom.articles().liveById(id).orElseThrow();
            assertThat(http.get("/feeds/all.atom").body()).contains(live.url());
            assertThat(http.get("/feeds/section/" + section.path() + ".rss").body())
                    .contains(live.url());
            assertThat(http.get("/feeds/tag/" + tag + ".json").body()).contains(live.url());
            assertThat(Sitemaps.articleUrls(http)).anyMatch(url -> url.endsWith(live.url()));
            assertThat(http.get("/sitemaps/news.xml").body()).contains(live.url());
            assertThat(http.get("/feeds/comments/" + id + ".rss").status()).isEqualTo(200);
        } finally {
            clock.advance(Duration.ofHours(-1));
        }
    }

    private long hidden(List<String> slugs, ArticleStatus status, Instant publishedAt) {
        String slug = Newsroom.unique("hidden");
        slugs.add(slug);
        return newsroom.article(section, author)
                .slug(slug)
                .headline("hidden-headline " + slug)
                .tags(tag)
                .status(status)
                .publishedAt(publishedAt)
                .create();
    }

    private void embargo(long id, Instant until) {
        database.jdbc()
                .sql("UPDATE article SET embargo_until = ? WHERE id = ?")
                .params(until.toEpochMilli(), id)
                .update();
    }

    /** Every feed of the scopes the hidden stories belong to, in every format, and every sitemap. */
    private String everythingPublic() {
        StringBuilder all = new StringBuilder();
        for (String scope : List.of(
                "/feeds/all",
                "/feeds/section/" + section.path(),
                "/feeds/tag/" + tag,
                "/feeds/author/" + author.slug())) {
            for (String extension : List.of("rss", "atom", "json")) {
                Http.Response feed = http.get(scope + "." + extension);
                assertThat(feed.status()).as(scope).isEqualTo(200);
                all.append(feed.body());
            }
        }
        for (String sitemap : List.of("/sitemap.xml", "/sitemaps/pages-1.xml", "/sitemaps/news.xml")) {
            all.append(http.get(sitemap).body());
        }
        Sitemaps.articleUrls(http).forEach(all::append);
        return all.toString();
    }
}
