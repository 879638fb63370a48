package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import news.broadsheet.support.ChildApplication;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real application in a child JVM on a broken data directory or database and checks
 * that it stops at once, with a non-zero exit code, one message that names the file and says what
 * to do (no stack trace), and that the file is exactly as it was.
 */
class DataStoreStartupIntegrationTests {

    @TempDir
    Path scratch;

    @Test
    void refusesADataDirectoryThatIsAFile() throws Exception {
        Path dataDir = Files.writeString(scratch.resolve("data"), "not a directory\n");
        Snapshot before = Snapshot.of(dataDir);

        Run run = start("--broadsheet.data-dir=" + dataDir);

        run.assertFailedClearly();
        assertThat(run.output()).contains(dataDir.toString(), "is not a directory", "Point broadsheet.data-dir");
        assertThat(Snapshot.of(dataDir)).isEqualTo(before);
    }

    @Test
    void refusesADataDirectoryThatIsNotWritable() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));
        try (ReadOnly unused = ReadOnly.make(dataDir)) {
            Run run = start("--broadsheet.data-dir=" + dataDir);

            run.assertFailedClearly();
            assertThat(run.output()).contains(dataDir.toString(), "may not write to it", "write permission");
        }
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("nothing created in it").isEmpty();
        }
    }

    @Test
    void refusesADatabaseFileThatIsNotWritable() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));
        Path database = createDatabase(dataDir.resolve("broadsheet.db"));
        Snapshot before = Snapshot.of(database);
        try (ReadOnly unused = ReadOnly.make(database)) {
            Run run = start("--broadsheet.data-dir=" + dataDir);

            run.assertFailedClearly();
            assertThat(run.output()).contains(database.toString(), "is not writable", "permission");
        }
        assertThat(Snapshot.of(database)).isEqualTo(before);
        assertThat(siblings(database)).isEmpty();
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));
        Path database =
                Files.writeString(dataDir.resolve("broadsheet.db"), "These are my notes, not a database.\n".repeat(40));
        Snapshot before = Snapshot.of(database);

        Run run = start("--broadsheet.data-dir=" + dataDir);

        run.assertFailedClearly();
        assertThat(run.output())
                .contains(database.toString(), "is not a SQLite database", "restore the database from a backup");
        assertThat(Snapshot.of(database)).isEqualTo(before);
        assertThat(siblings(database)).isEmpty();
    }

    @Test
    void refusesACorruptDatabase() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));
        Path database = createDatabase(dataDir.resolve("broadsheet.db"));
        try (RandomAccessFile file = new RandomAccessFile(database.toFile(), "rw")) {
            // Page 2 onwards holds the table's b-tree: scribble over a page header in the middle.
            file.seek(4096L * 3);
            file.write("scribbled over by a failing disk".repeat(8).getBytes(StandardCharsets.US_ASCII));
        }
        Snapshot before = Snapshot.of(database);

        Run run = start("--broadsheet.data-dir=" + dataDir);

        run.assertFailedClearly();
        assertThat(run.output()).contains(database.toString(), "is damaged", "restore the file from a backup");
        assertThat(Snapshot.of(database)).isEqualTo(before);
        assertThat(siblings(database)).as("no journal files made beside it").isEmpty();
    }

    @Test
    void refusesADatabasePathThatIsADirectory() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));
        Path database = Files.createDirectory(dataDir.resolve("broadsheet.db"));

        Run run = start("--broadsheet.data-dir=" + dataDir);

        run.assertFailedClearly();
        assertThat(run.output()).contains(database.toString(), "it is not a file");
    }

    @Test
    void explainsAnUnreachablePostgresqlServerInOneMessage() throws Exception {
        Path dataDir = Files.createDirectory(scratch.resolve("data"));

        Run run = start(
                "--broadsheet.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/broadsheet",
                "--spring.datasource.username=broadsheet");

        run.assertFailedClearly();
        assertThat(run.output())
                .contains("Cannot reach the PostgreSQL database at jdbc:postgresql://127.0.0.1:1/broadsheet")
                .contains("Start PostgreSQL or check spring.datasource.url")
                .doesNotContain("Cannot tell which database");
    }

    /** A SQLite database in WAL mode with a table spread over many pages, closed cleanly. */
    static Path createDatabase(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO note (body) VALUES (?)")) {
                for (int i = 0; i < 400; i++) {
                    insert.setString(1, "A note of our own, number " + i + ", long enough to fill pages. ".repeat(3));
                    insert.executeUpdate();
                }
            }
        }
        assertThat(siblings(file)).as("a clean close leaves no journal").isEmpty();
        return file;
    }

    static List<Path> siblings(Path file) throws IOException {
        try (var files = Files.list(file.getParent())) {
            return files.filter(path -> !path.equals(file)).toList();
        }
    }

    private static Run start(String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--broadsheet.demo-content.enabled=false"));
        all.addAll(List.of(arguments));
        ChildApplication.Exit exit = ChildApplication.runToEnd(all.toArray(String[]::new));
        return new Run(exit.exitCode(), exit.output());
    }

    record Run(int exitCode, String output) {

        void assertFailedClearly() {
            assertThat(exitCode).as("exit code; output:\n" + output).isNotZero();
            assertThat(output).as("one report").containsOnlyOnce("APPLICATION FAILED TO START");
            assertThat(output).as("no stack trace").doesNotContain("\tat ", "Caused by");
            assertThat(output).as("nothing started").doesNotContain("Flyway", "HikariPool", "Tomcat started");
        }
    }

    record Snapshot(byte[] bytes, FileTime modified) {

        static Snapshot of(Path file) throws IOException {
            return new Snapshot(Files.readAllBytes(file), Files.getLastModifiedTime(file));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Snapshot that
                    && java.util.Arrays.equals(bytes, that.bytes)
                    && modified.equals(that.modified);
        }

        @Override
        public int hashCode() {
            return modified.hashCode();
        }

        @Override
        public String toString() {
            return bytes.length + " bytes, modified " + modified;
        }
    }

    /**
     * Takes write permission away for the duration of a test. Root may write anywhere, so there the
     * file is made immutable (chattr +i) instead; where that is impossible the test is skipped.
     */
    record ReadOnly(Path path, boolean immutable) implements AutoCloseable {

        static ReadOnly make(Path path) throws Exception {
            if (!"root".equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(
                        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
                return new ReadOnly(path, false);
            }
            Process chattr = new ProcessBuilder("chattr", "+i", path.toString())
                    .redirectErrorStream(true)
                    .start();
            boolean done = chattr.waitFor(10, TimeUnit.SECONDS) && chattr.exitValue() == 0;
            Assumptions.assumeTrue(
                    done, "Skipped: running as root, and chattr +i cannot make " + path + " read-only here");
            return new ReadOnly(path, true);
        }

        @Override
        public void close() throws Exception {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", path.toString()).start().waitFor(10, TimeUnit.SECONDS);
            } else {
                Files.setPosixFilePermissions(
                        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
