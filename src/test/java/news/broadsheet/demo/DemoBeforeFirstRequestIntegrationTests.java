package news.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import news.broadsheet.support.ChildApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo newsroom is in the database before the web server opens its port: no reader sees an empty site. */
class DemoBeforeFirstRequestIntegrationTests {

    @TempDir
    Path scratch;

    @Test
    void firstStartLoadsTheDemoBeforeTheServerListens() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));

        // The run is stopped as soon as the server says it listens.
        String output = ChildApplication.runUntil(
                "Tomcat started on port", "--broadsheet.data-dir=" + dataDir, "--broadsheet.search.poll-interval=10s");

        assertThat(output).containsOnlyOnce("Loaded the demo newsroom: 14 stories");
    }
}
