package news.broadsheet.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import news.broadsheet.backup.internal.DatabaseLoad;
import news.broadsheet.backup.internal.DatabaseSnapshot;
import news.broadsheet.backup.internal.Manifest;
import news.broadsheet.backup.internal.MediaCopy;
import news.broadsheet.shared.SqliteUrls;
import news.broadsheet.site.MigrationDialect;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code java -jar broadsheet.jar restore DIR}: restores a backup into an empty database and an
 * empty data directory (the ones the usual settings name), and refuses anything else. It does not
 * start the site: it migrates the empty database to the backup's schema version, loads the rows,
 * then copies the media files; the next start migrates to the current version and rebuilds the
 * search index. Exit status 0 when restored, 1 when refused or failed, 2 for a wrong command.
 */
public final class RestoreCommand {

    public static final String NAME = "restore";

    public static final String USAGE = "usage: restore DIR (a folder written by backup)";

    /** The context restore runs in: the settings only (application.properties, environment, arguments), no beans. */
    @Configuration(proxyBeanMethods = false)
    public static class Settings {}

    private RestoreCommand() {}

    /**
     * Reads the arguments and the backup's manifest, before anything starts.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static Path parse(List<String> args) {
        if (args.size() != 1 || args.getFirst().startsWith("-")) {
            throw new IllegalArgumentException(args.isEmpty() ? "no backup folder given; " + USAGE : USAGE);
        }
        Path folder = Path.of(args.getFirst());
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder: " + folder);
        }
        Manifest.read(folder);
        return folder;
    }

    public static int run(Environment environment, Path folder, PrintStream out, PrintStream err) {
        try {
            Map<String, Long> rows = restore(environment, folder, out);
            Manifest manifest = Manifest.read(folder);
            out.println("Restored " + folder.toAbsolutePath() + " (taken " + manifest.createdAt() + ", schema version "
                    + manifest.schemaVersion() + "): "
                    + rows.values().stream().mapToLong(Long::longValue).sum()
                    + " rows in " + rows.size() + " tables, " + rows.getOrDefault("article", 0L) + " stories, "
                    + rows.getOrDefault("comment", 0L) + " comments, "
                    + manifest.media().files()
                    + " media files. Start Broadsheet to bring the schema up to date and rebuild the search index.");
            return 0;
        } catch (BackupRefusedException | IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println(NAME + ": the restore failed: " + e.getMessage()
                    + " (empty the database and the data directory before trying again)");
            return 1;
        }
    }

    private static Map<String, Long> restore(Environment environment, Path folder, PrintStream out)
            throws IOException, SQLException {
        Manifest manifest = Manifest.read(folder);
        String url = environment.getRequiredProperty("spring.datasource.url");
        Path dataDir = Path.of(environment.getProperty("broadsheet.data-dir", "./data"));
        Path database = SqliteUrls.file(url);
        requireEmptyDataDirectory(dataDir, database);
        Files.createDirectories(dataDir);
        if (database != null && database.toAbsolutePath().getParent() != null) {
            Files.createDirectories(database.toAbsolutePath().getParent());
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        String username = environment.getProperty("spring.datasource.username");
        if (username != null && !username.isEmpty()) {
            dataSource.setUsername(username);
            dataSource.setPassword(environment.getProperty("spring.datasource.password", ""));
        }
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            if (!tablesIn(connection).isEmpty()) {
                throw new BackupRefusedException("the database at " + url + " is not empty (it has the tables "
                        + String.join(
                                ", ", tablesIn(connection).stream().limit(5).toList())
                        + (tablesIn(connection).size() > 5 ? ", ..." : "")
                        + "): restore only into an empty one; nothing was changed");
            }
        }
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(environment
                        .getProperty("spring.flyway.locations", "classpath:db/migration")
                        .split("\\s*,\\s*"))
                .placeholders(MigrationDialect.placeholders(product));
        MigrationVersion wanted = MigrationVersion.fromVersion(manifest.schemaVersion());
        MigrationVersion newest = Stream.of(flyway.load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(version -> version != null)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("this Broadsheet has no migrations"));
        if (wanted.compareTo(newest) > 0) {
            throw new BackupRefusedException(
                    "the backup's schema version " + wanted + " is newer than this Broadsheet's (" + newest
                            + "): restore it with the Broadsheet version that wrote it, or a newer one");
        }
        out.println("Creating the schema at version " + wanted + " (" + product + ")");
        flyway.target(wanted).load().migrate();
        Map<String, Long> rows;
        try (Connection connection = dataSource.getConnection()) {
            String reached = DatabaseSnapshot.schemaVersion(connection);
            if (!reached.equals(wanted.getVersion())) {
                throw new IllegalStateException("the migrations stop at version " + reached + ", not at the backup's "
                        + wanted + " (a backup from a different build of Broadsheet?)");
            }
            out.println("Loading " + manifest.tables().size() + " tables");
            rows = DatabaseLoad.load(connection, manifest, folder);
        }
        out.println("Copying " + manifest.media().files() + " media files");
        Manifest.Media copied = MediaCopy.copy(folder.resolve("media"), dataDir.resolve("media"));
        if (copied.files() != manifest.media().files()) {
            throw new IllegalStateException("the backup's media folder holds " + copied.files()
                    + " files; its manifest says " + manifest.media().files());
        }
        return rows;
    }

    private static List<String> tablesIn(Connection connection) throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        try (var rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /**
     * Refuses a data directory holding anything but an empty SQLite database file (the database
     * check then says whether it is empty).
     */
    private static void requireEmptyDataDirectory(Path dataDir, @org.jspecify.annotations.Nullable Path database)
            throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new BackupRefusedException("the data directory " + dataDir + " is a file");
        }
        Set<Path> allowed = database == null
                ? Set.of()
                : Set.of(
                        database.toAbsolutePath().normalize(),
                        Path.of(database + "-wal").toAbsolutePath().normalize(),
                        Path.of(database + "-shm").toAbsolutePath().normalize(),
                        Path.of(database + "-journal").toAbsolutePath().normalize());
        try (Stream<Path> entries = Files.list(dataDir)) {
            List<Path> others = entries.filter(
                            entry -> !allowed.contains(entry.toAbsolutePath().normalize()))
                    .toList();
            if (!others.isEmpty()) {
                throw new BackupRefusedException("the data directory " + dataDir.toAbsolutePath()
                        + " is not empty (it holds " + others.getFirst().getFileName()
                        + "): restore only into an empty one; nothing was changed");
            }
        }
    }
}
