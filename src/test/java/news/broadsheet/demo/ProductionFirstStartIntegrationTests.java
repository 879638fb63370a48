package news.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import news.broadsheet.support.ChildApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first start given the first admin's settings is a real site's: no demo newsroom. */
class ProductionFirstStartIntegrationTests {

    @TempDir
    Path scratch;

    @Test
    void firstStartWithTheFirstAdminLoadsNoDemoAndSaysHowToGetIt() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));

        // Start-up ends with the warning that the public address is still localhost.
        String output = ChildApplication.runUntil(
                "Set broadsheet.site.base-url",
                "--broadsheet.data-dir=" + dataDir,
                "--broadsheet.admin.username=chief",
                "--broadsheet.admin.password=a long passphrase of our own",
                "--broadsheet.search.poll-interval=10s");

        assertThat(output)
                .containsOnlyOnce("Demo content not loaded: broadsheet.admin.username is set")
                .contains("broadsheet.demo-content.enabled=true to load the demo anyway")
                .contains("Created the first admin account, chief")
                .containsOnlyOnce("broadsheet.site.base-url is http://localhost:8080 but the server listens on every");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("broadsheet.db"));
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "article")).isZero();
            assertThat(count(statement, "section")).isZero();
            assertThat(count(statement, "author")).isZero();
            assertThat(count(statement, "account")).isEqualTo(1);
        }
    }

    private static int count(Statement statement, String table) throws Exception {
        try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }
}
