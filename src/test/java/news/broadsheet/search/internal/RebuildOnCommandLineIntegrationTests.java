package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.search.SearchSettings;
import news.broadsheet.section.Section;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** {@code --rebuild-search-index}: rebuilds, then ends the application with status 0. */
@IntegrationTest
class RebuildOnCommandLineIntegrationTests {

    @Autowired
    SearchIndex index;

    @Autowired
    SearchSettings settings;

    @Autowired
    Newsroom newsroom;

    @Test
    void rebuildsAndExitsWithZeroWhenAsked() {
        List<Integer> exits = new ArrayList<>();
        Instant before = Instant.now();
        new RebuildOnCommandLine(index, settings, exits::add)
                .run(new DefaultApplicationArguments("--rebuild-search-index"));
        assertThat(exits).containsExactly(0);
        assertThat(index.status().lastRebuild())
                .isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(index.available()).isTrue();
    }

    @Test
    void theLiveIndexIsMergedIntoOneSegmentWithEveryStoryKept() throws Exception {
        Section section = newsroom.section("World");
        for (int i = 0; i < 3; i++) {
            int before = documents();
            newsroom.article(section, newsroom.author("Ida Berg"))
                    .headline(Newsroom.unique("Merged story"))
                    .publish();
            // Each story waited for lands in a round (and a segment) of its own.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (documents() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        int documents = documents();
        assertThat(segments()).as("stories indexed one by one").isGreaterThan(1);

        assertThat(index.mergeToOneSegment()).isTrue();

        assertThat(segments()).isEqualTo(1);
        assertThat(documents()).isEqualTo(documents);
    }

    private int segments() {
        try (SearchIndex.Acquired acquired = java.util.Objects.requireNonNull(index.acquire())) {
            return acquired.searcher().getIndexReader().leaves().size();
        }
    }

    private int documents() {
        try (SearchIndex.Acquired acquired = java.util.Objects.requireNonNull(index.acquire())) {
            return acquired.searcher().getIndexReader().numDocs();
        }
    }

    @Test
    void doesNothingWithoutTheOption() {
        List<Integer> exits = new ArrayList<>();
        new RebuildOnCommandLine(index, settings, exits::add).run(new DefaultApplicationArguments("--server.port=0"));
        assertThat(exits).isEmpty();
    }
}
