package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The PostgreSQL server going away and coming back, without stopping the real one (other tests use
 * it): the application reaches it through a TCP forwarder this test closes (every connection cut,
 * new ones refused) and opens again on the same port.
 */
@IntegrationTest(
        properties = {"broadsheet.comments.moderation=post", "spring.datasource.hikari.connection-timeout=1000"})
class PostgresqlOutageIntegrationTests {

    private static final Forwarder forwarder = new Forwarder();

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @BeforeEach
    void onPostgresqlOnly() {
        assumeTrue(TestDatabase.isPostgresql(), "the forwarder stands in for a PostgreSQL server");
    }

    @AfterAll
    static void closeForwarder() {
        forwarder.close();
    }

    @Test
    void answersServiceUnavailableWhileTheServerIsGoneAndRecoversWithoutARestart() throws Exception {
        var section = newsroom.section("Harbour");
        var author = newsroom.author("Ada Vale");
        ArticleSummary cached = newsroom.article(section, author).publish();
        ArticleSummary uncached = newsroom.article(section, author).publish();
        assertThat(http.get(cached.url()).status()).isEqualTo(200);

        forwarder.close();
        try {
            assertThat(http.get(cached.url()).status()).isEqualTo(200);

            Http.Response page = http.get(uncached.url());
            assertThat(page.status()).as(page.body()).isEqualTo(503);
            assertThat(page.header("Retry-After")).isEqualTo("2");
            assertThat(page.page().select("h1").text()).isEqualTo("Busy for a moment");

            Http.Response api = http.get("/api/v1/articles/" + uncached.id());
            assertThat(api.status()).as(api.body()).isEqualTo(503);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");

            Http.Response comment = http.postForm(
                    "/articles/" + cached.id() + "/comments",
                    Http.form("name", "Noor Dark", "body", "Written while the server was away."));
            assertThat(comment.status()).as(comment.body()).isEqualTo(503);
            assertThat(comment.page().selectFirst("textarea[name=body]").text())
                    .isEqualTo("Written while the server was away.");
        } finally {
            forwarder.open();
        }
        // Back without a restart: the pool replaces the connections the outage broke. A request
        // that meets one of them before the pool has noticed still gets the 503 page (tested above),
        // so the first answers may be 503 for a moment; then 200 within the bound.
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = http.get(uncached.url()).status();
        while (status != 200 && System.nanoTime() < until) {
            assertThat(status).as("while the pool recovers").isEqualTo(503);
            Thread.sleep(50);
            status = http.get(uncached.url()).status();
        }

        assertThat(status).isEqualTo(200);
        assertThat(http.get("/api/v1/articles/" + uncached.id()).status()).isEqualTo(200);
        Http.Response comment = http.postForm(
                "/articles/" + cached.id() + "/comments",
                Http.form("name", "Noor Dark", "body", "Written once the server was back."));
        assertThat(comment.status()).as(comment.body()).isEqualTo(303);
        assertThat(http.get(cached.url()).body()).contains("Written once the server was back.");
    }

    /** Points the pool at the forwarder instead of the server, before it opens its first connection. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ThroughTheForwarder {

        @Bean
        static BeanPostProcessor throughTheForwarder() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof HikariDataSource hikari
                            && hikari.getJdbcUrl() != null
                            && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                        URI server = URI.create(hikari.getJdbcUrl().substring("jdbc:".length()));
                        int port = forwarder.start(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
                        hikari.setJdbcUrl(hikari.getJdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/"));
                    }
                    return bean;
                }
            };
        }
    }

    /** A TCP forwarder to the PostgreSQL server that can be closed (cutting every connection) and opened again. */
    static final class Forwarder {

        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile String host = "127.0.0.1";
        private volatile int serverPort;
        private volatile int port;
        private volatile ServerSocket listener;

        synchronized int start(String host, int serverPort) {
            if (listener == null) {
                this.host = host;
                this.serverPort = serverPort;
                open();
            }
            return port;
        }

        synchronized void open() {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                port = socket.getLocalPort();
                listener = socket;
                Thread.ofVirtual().start(() -> accept(socket));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot open the forwarder", e);
            }
        }

        synchronized void close() {
            try {
                if (listener != null) {
                    listener.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            open.clear();
        }

        private void accept(ServerSocket socket) {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server = new Socket(host, serverPort);
                    open.add(client);
                    open.add(server);
                    Thread.ofVirtual().start(() -> pump(client, server));
                    Thread.ofVirtual().start(() -> pump(server, client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException cut) {
                // the other side or the test closed it
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                open.remove(from);
                open.remove(to);
            }
        }
    }
}
