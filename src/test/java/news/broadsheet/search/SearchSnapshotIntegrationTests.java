package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.headlines;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import news.broadsheet.search.internal.SearchIndex;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A node that starts without an index copies the newest snapshot from the shared folder and
 * catches up from the change log, instead of rebuilding from the database.
 */
@IntegrationTest(
        properties = {
            "broadsheet.search.page-size=10",
            "broadsheet.search.facet-sample=40",
            "broadsheet.search.snapshot-dir=${broadsheet.data-dir}/shared/search-snapshots"
        })
class SearchSnapshotIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    SiteSearch search;

    @Autowired
    SearchIndex index;

    @Value("${broadsheet.data-dir}")
    String dataDir;

    @Test
    void aNodeWithoutAnIndexStartsFromTheSnapshotAndCatchesUp() throws Exception {
        Path snapshots = Path.of(dataDir, "shared", "search-snapshots");
        Section section = newsroom.section("World");
        String before = word();
        newsroom.article(section, newsroom.author("Ida Berg"))
                .headline("Before the snapshot " + before)
                .publish();
        assertThat(eventually(() -> headlines(http, before).size() == 1)).isTrue();

        search.rebuild(Actor.SYSTEM).get(60, TimeUnit.SECONDS);
        Instant rebuilt = search.status().lastRebuild();
        assertThat(eventually(() -> snapshotsIn(snapshots).stream()
                        .anyMatch(snapshot ->
                                Long.parseLong(snapshot.getFileName().toString().substring("index-".length()))
                                        >= rebuilt.toEpochMilli())))
                .as("a rebuild leaves a snapshot for other nodes")
                .isTrue();

        String after = word();
        newsroom.article(section, newsroom.author("Ida Berg"))
                .headline("After the snapshot " + after)
                .publish();
        assertThat(eventually(() -> headlines(http, after).size() == 1)).isTrue();

        // A new node: the same database and shared folder, no index of its own.
        index.stop();
        Path local = Path.of(dataDir, "search-index");
        try (Stream<Path> files = Files.walk(local)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        index.start();

        assertThat(search.status().available())
                .as("searchable at once, from the copy")
                .isTrue();
        assertThat(headlines(http, before)).containsExactly("Before the snapshot " + before);
        assertThat(eventually(() -> headlines(http, after).size() == 1))
                .as("the story published after the snapshot comes from the change log")
                .isTrue();
        assertThat(search.status().lastRebuild()).as("no rebuild").isEqualTo(rebuilt);
        assertThat(search.status().rebuilding()).isFalse();
    }

    private static List<Path> snapshotsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("index-"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
