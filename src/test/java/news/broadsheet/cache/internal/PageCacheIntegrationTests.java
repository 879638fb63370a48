package news.broadsheet.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.cache.SiteContentChanged;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.apache.catalina.Container;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * The page cache over HTTP: anonymous readers get kept bytes with validators and caching headers,
 * staff never do, and every kind of change drops exactly the responses that show it.
 */
// Kept a day, so only changes (not age) make the cache render again in these tests.
@IntegrationTest(properties = {"broadsheet.comments.moderation=post", "broadsheet.cache.keep-for=1d"})
class PageCacheIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    @Autowired
    PageCache cache;

    @Autowired
    WebServerApplicationContext webServerContext;

    @Autowired
    AbstractApplicationContext context;

    @Autowired
    ChangeFollower follower;

    private final HttpClient raw = HttpClient.newHttpClient();

    private java.time.Instant start;
    private Section world;
    private Section business;
    private Author reporter;
    private ArticleSummary worldStory;
    private ArticleSummary businessStory;
    private StaffClient editor;

    @BeforeEach
    void setUp() {
        start = clock.instant();
        world = newsroom.section(Newsroom.unique("World"));
        business = newsroom.section(Newsroom.unique("Business"));
        reporter = newsroom.author(Newsroom.unique("Reporter"));
        worldStory = newsroom.article(world, reporter)
                .headline("Harbour talks resume " + Newsroom.unique("w"))
                .tags(Newsroom.unique("harbours"))
                .publish();
        businessStory = newsroom.article(business, reporter)
                .headline("Grain prices ease " + Newsroom.unique("b"))
                .publish();
        editor = StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    @Test
    void hitsAreAnsweredInTomcatsPipelineAheadOfTheFilterChain() {
        TomcatWebServer server = (TomcatWebServer) webServerContext.getWebServer();
        Container context = server.getTomcat().getHost().findChildren()[0];
        assertThat(context.getPipeline().getValves()).anyMatch(PageCacheValve.class::isInstance);

        assertThat(cacheState(businessStory.url())).isIn("MISS", "HIT");
        assertThat(cacheState(businessStory.url())).isEqualTo("HIT");
    }

    @Test
    void anonymousReadersGetKeptBytesWithValidatorsAndCachingHeaders() throws Exception {
        HttpResponse<byte[]> first = get(worldStory.url(), "identity", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        HttpResponse<byte[]> second = get(worldStory.url(), "identity", null);
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body());

        String etag = second.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(second.headers().firstValue("Cache-Control").orElseThrow())
                .contains("public", "max-age=0", "s-maxage=60", "stale-while-revalidate=", "stale-if-error=");
        assertThat(second.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(second.headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
                .contains("a" + worldStory.id(), "s" + world.id(), "c" + worldStory.id());
        // The security headers written when it was rendered go out with every copy.
        assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(second.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");

        HttpResponse<byte[]> gzip = get(worldStory.url(), "gzip, deflate", null);
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes())
                .isEqualTo(first.body());
        HttpResponse<byte[]> brotli = get(worldStory.url(), "gzip, deflate, br", null);
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(first.body());
        assertThat(brotli.body().length).isLessThan(first.body().length / 2);

        HttpResponse<byte[]> notModified = get(worldStory.url(), "identity", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        String gzipEtag = gzip.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipEtag).isNotEqualTo(etag);
        assertThat(get(worldStory.url(), "gzip", gzipEtag).statusCode()).isEqualTo(304);
        assertThat(get(worldStory.url(), "gzip", "\"something-else\"").statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyCacheableKindOfResponseCarriesTagsAndAnswersConditionalRequests() throws Exception {
        for (String path : List.of(
                "/",
                world.url(),
                "/feeds/all.atom",
                "/feeds/section/" + world.path() + ".rss",
                "/sitemap.xml",
                "/api/v1/articles",
                "/api/v1/articles/" + worldStory.id(),
                "/api/v1/sections")) {
            HttpResponse<byte[]> first = get(path, "gzip", null);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("Surrogate-Key")).as(path).isPresent();
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as(path).doesNotStartWith("W/");
            assertThat(get(path, "gzip", etag).statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void aKeptResponseAnswersIfModifiedSinceAndIgnoresOneThatIsNoDate() throws Exception {
        for (String path : List.of("/", world.url(), worldStory.url(), "/feeds/all.atom", "/api/v1/articles")) {
            HttpResponse<byte[]> first = get(path, "identity", null);
            HttpResponse<byte[]> kept = get(path, "identity", null);
            assertThat(kept.headers().firstValue("X-Cache")).as(path).hasValue("HIT");
            // RFC 9110: a value that is not a date is ignored, so the page is sent (it was a 500).
            for (String notADate : List.of("garbage", "Sun, 99 Foo 2026 99:99:99 GMT", "1700000000")) {
                HttpResponse<byte[]> answer = send(path, "If-Modified-Since", notADate);
                assertThat(answer.statusCode()).as(path + " " + notADate).isEqualTo(200);
                assertThat(answer.body()).as(path).isEqualTo(first.body());
            }
            Optional<String> lastModified = kept.headers().firstValue("Last-Modified");
            if (lastModified.isPresent()) {
                assertThat(send(path, "If-Modified-Since", lastModified.get()).statusCode())
                        .as(path)
                        .isEqualTo(304);
            }
        }
        assertThat(get("/feeds/all.atom", "identity", null).headers().firstValue("Last-Modified"))
                .as("a feed says when it changed, so the valid date above was tried on one")
                .isPresent();
    }

    @Test
    void featuresDropTheirOwnCopiesBeforeTheCacheDropsThePagesThatShowThem() {
        // A feature that keeps a copy in memory (the masthead's sections, search's names) drops it
        // when told; a page that begins rendering at that moment may still have read the old copy,
        // so it must count as begun before the pages were dropped, and not be kept as current.
        String tag = "ordering-" + System.nanoTime();
        String key = "/" + tag;
        AtomicReference<PageCache.Render> begun = new AtomicReference<>();
        var feature = ApplicationListener.forPayload((SiteContentChanged event) -> {
            if (event.touches(tag)) {
                begun.set(cache.begin(key));
            }
        });
        context.addApplicationListener(feature);
        try {
            follower.applyLocal(Set.of(tag));
        } finally {
            context.removeApplicationListener(feature);
        }
        CachedResponse rendered =
                new CachedResponse(key, List.of(), new byte[0], null, null, "0", Set.of(tag), null, 0);
        cache.finish(key, begun.get(), rendered);
        assertThat(rendered.stale())
                .as("kept, but rendered again on the next request")
                .isTrue();
    }

    @Test
    void staffAndSearchAreNeverServedFromTheCache() throws Exception {
        get(worldStory.url(), "identity", null);
        Http.Response signedIn = editor.get(worldStory.url());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.raw().headers().firstValue("X-Cache")).isEmpty();
        assertThat(signedIn.raw().headers().firstValue("Cache-Control").orElse(""))
                .doesNotContain("public");
        HttpResponse<byte[]> search = get("/search?q=harbour", "identity", null);
        assertThat(search.headers().firstValue("X-Cache")).isEmpty();
    }

    @Test
    void aChangedStoryDropsThePagesThatShowItAndNoOthers() throws Exception {
        warm(worldStory.url(), businessStory.url(), world.url(), business.url(), "/", "/feeds/all.atom");

        newsroom.articles().changeSlug(worldStory.id(), Newsroom.unique("harbour-talks"));
        ArticleSummary moved = newsroom.articles().liveById(worldStory.id()).orElseThrow();

        assertThat(cacheState(moved.url())).isEqualTo("MISS");
        assertThat(cacheState(world.url())).as("its section shows it").isEqualTo("MISS");
        assertThat(cacheState("/")).as("the front page shows it").isEqualTo("MISS");
        assertThat(cacheState("/feeds/all.atom")).as("the site feed lists it").isEqualTo("MISS");
        assertThat(cacheState(businessStory.url())).as("another story").isEqualTo("HIT");
        assertThat(cacheState(business.url())).as("another section").isEqualTo("HIT");
    }

    @Test
    void aNewStoryDropsTheListingsItJoinsAndLeavesStoryPagesKept() throws Exception {
        warm(worldStory.url(), businessStory.url(), world.url(), business.url(), "/", "/feeds/all.atom");

        ArticleSummary fresh = newsroom.article(business, reporter)
                .headline("Ports reopen " + Newsroom.unique("p"))
                .publish();

        assertThat(cacheState(business.url())).isEqualTo("MISS");
        assertThat(http.get(business.url()).body()).contains(fresh.headline());
        assertThat(cacheState("/")).isEqualTo("MISS");
        assertThat(cacheState("/feeds/all.atom")).isEqualTo("MISS");
        assertThat(cacheState(world.url())).as("another section").isEqualTo("HIT");
        assertThat(cacheState(worldStory.url())).isEqualTo("HIT");
        assertThat(cacheState(businessStory.url())).isEqualTo("HIT");
    }

    @Test
    void unpublishingDropsTheStoryEverywhereItWasShown() {
        warm(worldStory.url(), world.url(), "/", businessStory.url());

        assertThat(editor.post("/admin/articles/" + worldStory.id() + "/workflow", "action", "unpublish")
                        .status())
                .isEqualTo(302);

        assertThat(http.get(worldStory.url()).status()).isEqualTo(404);
        assertThat(http.get(world.url()).body()).doesNotContain(worldStory.headline());
        assertThat(http.get("/").body()).doesNotContain(worldStory.headline());
        assertThat(cacheState(businessStory.url())).isEqualTo("HIT");
    }

    @Test
    void aPublishedCommentDropsItsStoryOnly() {
        warm(worldStory.url(), businessStory.url(), world.url(), "/");

        Http.Response posted = http.postForm(
                "/articles/" + worldStory.id() + "/comments",
                Http.form("name", "Ines", "body", "The harbour master spoke well.", "website", ""),
                "Sec-Fetch-Site",
                "same-origin");
        assertThat(posted.status()).isEqualTo(303);

        assertThat(cacheState(worldStory.url())).isEqualTo("MISS");
        assertThat(http.get(worldStory.url()).body()).contains("The harbour master spoke well.");
        assertThat(cacheState(businessStory.url())).isEqualTo("HIT");
        assertThat(cacheState(world.url())).isEqualTo("HIT");
        assertThat(cacheState("/")).isEqualTo("HIT");
    }

    @Test
    void aRenamedSectionDropsThePagesThatNameIt() {
        Section sub = newsroom.subsection(world, Newsroom.unique("Harbours"));
        ArticleSummary inSub = newsroom.article(sub, reporter)
                .headline("Dredging " + Newsroom.unique("d"))
                .publish();
        warm(inSub.url(), world.url(), businessStory.url(), business.url());

        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
        assertThat(admin.post(
                                "/admin/sections/" + sub.id(),
                                "name",
                                "Ports and harbours",
                                "slug",
                                sub.slug(),
                                "description",
                                "",
                                "parentId",
                                Long.toString(world.id()))
                        .status())
                .isEqualTo(302);

        assertThat(http.get(inSub.url()).body()).contains("Ports and harbours");
        assertThat(cacheState(world.url()))
                .as("lists the section's stories and its name")
                .isEqualTo("MISS");
        assertThat(cacheState(businessStory.url())).isEqualTo("HIT");
        assertThat(cacheState(business.url())).isEqualTo("HIT");
    }

    @Test
    void aScheduledStoryAppearsOnItsMinuteThoughTheFrontPageWasKept() {
        String headline = "Tide tables published " + Newsroom.unique("t");
        newsroom.article(world, reporter)
                .headline(headline)
                .status(ArticleStatus.SCHEDULED)
                .publishedAt(start.plus(Duration.ofHours(1)))
                .create();
        warm("/", world.url(), business.url());
        assertThat(http.get("/").body()).doesNotContain(headline);

        clock.advance(Duration.ofMinutes(61));

        assertThat(http.get("/").body()).contains(headline);
        assertThat(http.get(world.url()).body()).contains(headline);
        assertThat(cacheState(business.url())).isEqualTo("HIT");
    }

    @Test
    void aChangeLoggedByAnotherNodeDropsThePagesHereWithinASecond() throws Exception {
        warm(worldStory.url(), businessStory.url());
        database.jdbc()
                .sql("INSERT INTO page_cache_change (origin, tags, changed_at) VALUES ('another-node', ?, ?)")
                .params("x1 a" + worldStory.id(), System.currentTimeMillis())
                .update();
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        String state = cacheState(worldStory.url());
        while (state.equals("HIT") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            state = cacheState(worldStory.url());
        }
        assertThat(state).as("rendered again after the other node's change").isEqualTo("MISS");
        assertThat(cacheState(businessStory.url())).isEqualTo("HIT");
    }

    private void warm(String... paths) {
        for (String path : paths) {
            assertThat(http.get(path).status()).as(path).isEqualTo(200);
            assertThat(cacheState(path)).as(path).isEqualTo("HIT");
        }
    }

    /** HIT, MISS or STALE as the cache says, or "" for a response it did not handle. */
    private String cacheState(String path) {
        return http.get(path).raw().headers().firstValue("X-Cache").orElse("");
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(http.base() + path)).header("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> send(String path, String header, String value)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Accept-Encoding", "identity")
                .header(header, value)
                .build();
        return raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @SuppressWarnings("unused")
    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
