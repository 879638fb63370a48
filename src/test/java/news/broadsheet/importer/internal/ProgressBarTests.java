package news.broadsheet.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTests {

    @Test
    void showsDoneTotalRateAndTimeLeft() {
        assertThat(ProgressBar.line(50, 200, 10))
                .isEqualTo("[########......................] 50/200 items ( 25%), 5 items/s, 0m30s left");
        assertThat(ProgressBar.line(200, 200, 40)).endsWith("200/200 items (100%), 5 items/s, done");
    }

    @Test
    void redrawsOneLineOnATerminalAndPrintsLinesElsewhere() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(terminal, true, StandardCharsets.UTF_8), true);
        bar.started(2);
        bar.advanced(2);
        bar.advanced(2);
        String drawn = terminal.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("\r[").containsOnlyOnce("2/2 items");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProgressBar lines = new ProgressBar(new PrintStream(log, true, StandardCharsets.UTF_8), false);
        lines.started(2);
        lines.advanced(2);
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("\r").contains("2/2 items (100%)");
    }
}
