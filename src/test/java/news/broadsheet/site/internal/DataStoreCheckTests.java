package news.broadsheet.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import news.broadsheet.site.DataStoreUnusableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class DataStoreCheckTests {

    private static final String URL = "jdbc:sqlite:${broadsheet.data-dir}/broadsheet.db?journal_mode=WAL";

    @TempDir
    Path scratch;

    @Test
    void acceptsAFirstStartAndCreatesOnlyTheDataDirectory() throws Exception {
        Path dataDir = scratch.resolve("new/data");

        DataStoreCheck.check(environment(dataDir));

        assertThat(dataDir).isDirectory().isEmptyDirectory();
    }

    @Test
    void acceptsAHealthyDatabaseAndLeavesItAsItWas() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));
        Path database = dataDir.resolve("broadsheet.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE story (id INTEGER PRIMARY KEY, headline TEXT)");
            statement.execute("INSERT INTO story (headline) VALUES ('Our own headline')");
        }
        byte[] bytes = Files.readAllBytes(database);
        FileTime modified = Files.getLastModifiedTime(database);

        DataStoreCheck.check(environment(dataDir));

        assertThat(Files.readAllBytes(database)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(database)).isEqualTo(modified);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(database);
        }
    }

    @Test
    void acceptsADatabaseAnotherProcessIsWritingTo() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));
        Path database = dataDir.resolve("broadsheet.db");
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE story (id INTEGER PRIMARY KEY, headline TEXT)");
            statement.execute("INSERT INTO story (headline) VALUES ('Only in the write-ahead log')");
            assertThat(dataDir.resolve("broadsheet.db-wal")).exists();

            DataStoreCheck.check(environment(dataDir));
        }
    }

    @Test
    void anEmptyFileIsAnEmptyDatabase() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));
        Files.createFile(dataDir.resolve("broadsheet.db"));

        DataStoreCheck.check(environment(dataDir));
    }

    @Test
    void namesAShortFileAsNotADatabase() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));
        Path database = Files.writeString(dataDir.resolve("broadsheet.db"), "hi");

        assertThatThrownBy(() -> DataStoreCheck.check(environment(dataDir)))
                .isInstanceOf(DataStoreUnusableException.class)
                .hasMessageContaining(database.toAbsolutePath().toString())
                .hasMessageContaining("not a SQLite database");
    }

    private static MockEnvironment environment(Path dataDir) {
        return new MockEnvironment()
                .withProperty("broadsheet.data-dir", dataDir.toString())
                .withProperty("spring.datasource.url", URL);
    }
}
