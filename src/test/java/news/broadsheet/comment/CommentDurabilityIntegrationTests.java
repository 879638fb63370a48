package news.broadsheet.comment;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import news.broadsheet.BroadsheetApplication;
import news.broadsheet.support.Http;
import news.broadsheet.support.TestDatabase;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the server with SIGKILL while readers are posting, restarts it, and checks that every
 * comment whose POST was answered is still there: an acknowledgement means the write is durable.
 */
class CommentDurabilityIntegrationTests {

    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;

    private final List<Process> processes = new ArrayList<>();
    private Map<String, Object> database;

    @AfterEach
    void tearDown() {
        processes.forEach(Process::destroyForcibly);
        if (database != null) {
            TestDatabase.drop(database);
        }
    }

    @Test
    void keepsEveryAcknowledgedCommentThroughSigkill() throws Exception {
        database = TestDatabase.create(Path.of("target", "test-data"));
        int port = freePort();
        Http http = new Http(port);

        Process first = start(port, "first");
        String articleUrl =
                http.get("/").page().selectFirst(".lead .card__headline a").attr("href");
        String action =
                http.get(articleUrl).page().selectFirst("#comment-form form").attr("action");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        Http.Response response = http.postForm(
                                action, form("name", "Writer " + writer, "body", "Durable " + writer + "-" + i));
                        if (response.status() == 303) {
                            String location = response.location();
                            // ?comment=published-42#comments-notice: the notice links to comment-42.
                            acknowledged.add(
                                    "comment-" + location.replaceAll(".*[?&]comment=published-(\\d+).*", "$1"));
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        first.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
        first.waitFor(30, TimeUnit.SECONDS);
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        start(port, "second");
        // Follow "More comments" through every page of the thread.
        Set<String> present = new java.util.HashSet<>();
        String next = articleUrl;
        while (next != null) {
            Document page = http.get(next).page();
            for (Element comment : page.select("article.comment")) {
                present.add(comment.id());
                assertThat(comment.selectFirst(".comment__body").text()).startsWith("Durable ");
            }
            Element more = page.selectFirst("#comments a[rel=next]");
            next = more == null ? null : more.attr("href");
        }
        assertThat(present).containsAll(acknowledged);
    }

    private Process start(int port, String name) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                BroadsheetApplication.class.getName(),
                "--server.port=" + port,
                "--broadsheet.comments.moderation=post",
                // Four writers on one address post far faster than a reader may: lift the flood limit.
                "--broadsheet.comments.flood-per-minute=1000000",
                "--broadsheet.demo-content.enabled=true"));
        database.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Files.createDirectories(Path.of("target", "test-data")).resolve("durability-" + name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        Http http = new Http(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("server process alive, see " + log).isTrue();
            try {
                // Ready once the demo newsroom, loaded after the port opens, has its lead story.
                if (http.get("/").page().selectFirst(".lead") != null) {
                    return process;
                }
            } catch (RuntimeException notYetListening) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Server did not start within 90 s, see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
