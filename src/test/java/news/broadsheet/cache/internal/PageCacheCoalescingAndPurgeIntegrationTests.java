package news.broadsheet.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import news.broadsheet.article.ArticlePageContribution;
import news.broadsheet.article.ArticlePageContributor;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hot page invalidated under load is rendered once while the others wait for it, and every change
 * is sent to the configured purge endpoint with its cache tags.
 */
@IntegrationTest
@Import(PageCacheCoalescingAndPurgeIntegrationTests.SlowRender.class)
class PageCacheCoalescingAndPurgeIntegrationTests {

    /** Stories with this word in their headline take a while to render. */
    static final String SLOW = "Slowly";

    private static final BlockingQueue<String> purges = new LinkedBlockingQueue<>();
    private static final HttpServer cdn = startCdn();

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    PageCache cache;

    @DynamicPropertySource
    static void purgeHook(DynamicPropertyRegistry registry) {
        registry.add(
                "broadsheet.cache.purge-url",
                () -> "http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge");
        registry.add("broadsheet.cache.purge-authorization", () -> "Fastly-Key: test-token");
    }

    @AfterAll
    static void stopCdn() {
        cdn.stop(0);
    }

    @Test
    void manyReadersOfAnInvalidatedPageCauseOneRender() throws Exception {
        Section section = newsroom.section(Newsroom.unique("Weather"));
        Author author = newsroom.author(Newsroom.unique("Forecaster"));
        ArticleSummary story = newsroom.article(section, author)
                .headline(SLOW + " the fog lifts " + Newsroom.unique("f"))
                .publish();
        assertThat(http.get(story.url()).status()).isEqualTo(200);
        cache.invalidate(java.util.Set.of(news.broadsheet.shared.CacheTags.article(story.id())));
        long rendersBefore = cache.renders();

        int readers = 24;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<Http.Response>> responses = new java.util.ArrayList<>();
        for (int i = 0; i < readers; i++) {
            responses.add(pool.submit(() -> {
                go.await();
                return http.get(story.url());
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        java.util.Set<String> etags = new java.util.HashSet<>();
        for (Future<Http.Response> response : responses) {
            Http.Response answer = response.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            etags.add(answer.header("ETag"));
        }
        pool.shutdown();

        assertThat(cache.renders() - rendersBefore).as("renders of the page").isEqualTo(1);
        assertThat(etags).as("everyone got the same bytes").hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("they waited for one render, not one each")
                .isLessThan(Duration.ofMillis(SlowRender.DELAY_MILLIS * 4));
    }

    @Test
    void everyChangeIsSentToThePurgeHookWithItsTags() throws Exception {
        Section section = newsroom.section(Newsroom.unique("Tides"));
        Author author = newsroom.author(Newsroom.unique("Harbour Master"));
        purges.clear();

        ArticleSummary story = newsroom.article(section, author)
                .headline("High water at noon " + Newsroom.unique("h"))
                .publish();

        String purge = awaitPurgeOf("a" + story.id());
        assertThat(purge).startsWith("POST ").contains("Fastly-Key=test-token");
        assertThat(purge.substring(purge.indexOf("Surrogate-Key=")).split("[ =|]"))
                .contains("stories", "sl" + section.id());
        assertThat(http.get(story.url()).header("Cache-Control")).contains("s-maxage=3600");
    }

    private static String awaitPurgeOf(String tag) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String purge = purges.poll(100, TimeUnit.MILLISECONDS);
            if (purge != null && List.of(purge.split("[ =|]")).contains(tag)) {
                return purge;
            }
        }
        throw new AssertionError("no purge of " + tag + " within 5 s");
    }

    private static HttpServer startCdn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/purge", exchange -> {
                purges.add(exchange.getRequestMethod() + " Surrogate-Key="
                        + exchange.getRequestHeaders().getFirst("Surrogate-Key") + "|Fastly-Key="
                        + exchange.getRequestHeaders().getFirst("Fastly-Key"));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the page of a story with {@link #SLOW} in its headline take a while to render. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowRender {

        static final long DELAY_MILLIS = 400;

        @Bean
        ArticlePageContributor slowContributor() {
            return request -> {
                if (request.article().summary().headline().startsWith(SLOW)) {
                    try {
                        Thread.sleep(DELAY_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return new ArticlePageContribution(null, null);
            };
        }
    }
}
