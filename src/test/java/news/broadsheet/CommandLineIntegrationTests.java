package news.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import news.broadsheet.support.ChildApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as operators type it: a command with the settings before it or after it, and a
 * word that is no command.
 */
class CommandLineIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void settingsBeforeTheCommandAreMovedBehindIt() {
        String[] line = BroadsheetApplication.commandFirst(
                new String[] {"--broadsheet.data-dir=/srv/news", "import-wordpress", "export.xml", "--dry-run"});

        assertThat(line)
                .containsExactly("import-wordpress", "--broadsheet.data-dir=/srv/news", "export.xml", "--dry-run");
    }

    @Test
    void settingsAloneStartTheSite() {
        assertThat(BroadsheetApplication.commandFirst(new String[] {"--server.port=9090", "--rebuild-search-index"}))
                .isNull();
        assertThat(BroadsheetApplication.commandFirst(new String[0])).isNull();
    }

    @Test
    void aWordThatIsNoCommandIsRefusedWithTheCommandsThereAre() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BroadsheetApplication.commandFirst(
                        new String[] {"--broadsheet.data-dir=/srv/news", "import-wordpres", "export.xml"}))
                .withMessage("there is no command \"import-wordpres\"; the commands are backup, export-wordpress,"
                        + " import-wordpress, restore, and settings are written --name=value");
    }

    @Test
    void aCommandAfterSettingsRunsInsteadOfTheSiteAndLogsAsMuchAsAsked() throws Exception {
        Path backup = temp.resolve("backup");

        // The child is started with --server.port=0 before these, as a site would be: the command
        // still opens no port and ends by itself. It logs errors only, unless told otherwise.
        ChildApplication.Exit exit = ChildApplication.runToEnd(
                "--broadsheet.data-dir=" + temp.resolve("data"),
                "--logging.level.root=INFO",
                "backup",
                backup.toString());

        assertThat(exit.exitCode()).as(exit.output()).isZero();
        assertThat(exit.output())
                .contains("Backup written to " + backup.toAbsolutePath())
                .containsPattern(" INFO \\d+ --- ");
        try (var files = Files.list(backup)) {
            assertThat(files).isNotEmpty();
        }
    }

    @Test
    void aMisspeltCommandEndsWithoutStartingTheSite() throws Exception {
        ChildApplication.Exit exit =
                ChildApplication.runToEnd("--broadsheet.data-dir=" + temp.resolve("data"), "bakup", "somewhere");

        assertThat(exit.exitCode()).isEqualTo(2);
        assertThat(exit.output())
                .contains("broadsheet: there is no command \"bakup\"")
                .doesNotContain("Started BroadsheetApplication");
        assertThat(temp.resolve("data")).doesNotExist();
    }
}
