package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.search.SearchSettings;
import news.broadsheet.support.IntegrationTest;
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
    void doesNothingWithoutTheOption() {
        List<Integer> exits = new ArrayList<>();
        new RebuildOnCommandLine(index, settings, exits::add).run(new DefaultApplicationArguments("--server.port=0"));
        assertThat(exits).isEmpty();
    }
}
