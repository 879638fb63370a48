package news.broadsheet.site.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import news.broadsheet.shared.SqliteUrls;
import news.broadsheet.site.DataStoreUnusableException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.sqlite.SQLiteConfig;

/**
 * Before anything opens them (the connection pool, Flyway, the search index), checks that the
 * data directory is a writable directory and that the database can be used: a SQLite file must be
 * writable and an intact SQLite database, a PostgreSQL server must answer. A problem stops
 * start-up with one message naming the file and what to do. The SQLite file is only ever read:
 * opened read-only, and as immutable when no write-ahead log is beside it, so no journal files
 * appear and its bytes and modification time stay as they were.
 */
class DataStoreCheck implements ApplicationListener<ApplicationPreparedEvent> {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        check(event.getApplicationContext().getEnvironment());
    }

    static void check(Environment environment) {
        String dataDir = environment.getProperty("broadsheet.data-dir", "./data");
        checkDirectory(Path.of(dataDir), "the data directory (broadsheet.data-dir)");
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            return;
        }
        Path sqliteFile = SqliteUrls.file(url);
        if (sqliteFile != null) {
            Path parent = sqliteFile.toAbsolutePath().getParent();
            if (parent != null) {
                checkDirectory(parent, "the database's directory");
            }
            checkSqliteFile(
                    sqliteFile.toAbsolutePath(),
                    environment.getProperty("broadsheet.database.quick-check", Boolean.class, true));
        } else if (url.startsWith("jdbc:postgresql:")) {
            checkPostgresql(
                    url,
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
        }
    }

    private static void checkDirectory(Path directory, String role) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new DataStoreUnusableException(
                    absolute + " is " + role + ", but it is not a directory.",
                    "Point broadsheet.data-dir (BROADSHEET_DATA_DIR) at a directory, or move the file " + absolute
                            + " out of the way. Broadsheet has not changed it.");
        }
        if (!Files.exists(absolute)) {
            try {
                Files.createDirectories(absolute);
            } catch (IOException e) {
                throw new DataStoreUnusableException(
                        absolute + " is " + role + ", but it does not exist and cannot be created (" + reason(e) + ").",
                        "Create it and let " + user() + " write to it, or point broadsheet.data-dir"
                                + " (BROADSHEET_DATA_DIR) at a directory that user may write to.",
                        e);
            }
        }
        if (!Files.isWritable(absolute) || !Files.isExecutable(absolute)) {
            throw new DataStoreUnusableException(
                    absolute + " is " + role + ", but " + user() + " may not write to it.",
                    "Give " + user() + " write permission on " + absolute + " (chown or chmod), or point"
                            + " broadsheet.data-dir (BROADSHEET_DATA_DIR) at a directory that user may write to.");
        }
    }

    private static void checkSqliteFile(Path file, boolean quickCheck) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return; // a first start: SQLite creates it
        }
        if (!Files.isRegularFile(file)) {
            throw new DataStoreUnusableException(
                    file + " should be the SQLite database, but it is not a file.",
                    "Move it out of the way, or point spring.datasource.url (or broadsheet.data-dir) at the"
                            + " database file. Broadsheet has not changed it.");
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw new DataStoreUnusableException(
                    "The database " + file + " is not " + (Files.isReadable(file) ? "writable" : "readable") + " by "
                            + user() + ".",
                    "Give " + user() + " read and write permission on " + file + " (chown or chmod), and on its"
                            + " directory. Broadsheet has not changed the file.");
        }
        long size;
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new DataStoreUnusableException(
                    "The database " + file + " cannot be read (" + reason(e) + ").",
                    "Check the disk and the file's permissions. Broadsheet has not changed the file.",
                    e);
        }
        if (size == 0) {
            return; // SQLite treats an empty file as an empty database
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw new DataStoreUnusableException(
                    "The database " + file + " is not a SQLite database: it does not start with SQLite's header.",
                    notTheDatabase(file));
        }
        probeSqlite(file, quickCheck);
    }

    private static void probeSqlite(Path file, boolean quickCheck) {
        // Without a write-ahead log beside it the file holds every committed change, and "immutable"
        // lets SQLite read it without creating -wal or -shm files or taking locks. With one, another
        // process may be using the database: read it the ordinary way, still read-only.
        boolean walBeside = Files.exists(Path.of(file + "-wal"));
        String url = "jdbc:sqlite:" + file.toUri() + (walBeside ? "?mode=ro" : "?mode=ro&immutable=1");
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        List<String> problems = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, config.toProperties());
                Statement statement = connection.createStatement()) {
            try (ResultSet schema = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
                schema.next();
            }
            if (quickCheck) {
                try (ResultSet result = statement.executeQuery("PRAGMA quick_check(5)")) {
                    while (result.next()) {
                        String line = result.getString(1);
                        if (!"ok".equalsIgnoreCase(line)) {
                            problems.add(line);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("not a database") || message.contains("notadb")) {
                throw new DataStoreUnusableException(
                        "The database " + file + " is not a SQLite database (" + e.getMessage() + ").",
                        notTheDatabase(file),
                        e);
            }
            if (message.contains("malformed") || message.contains("corrupt")) {
                problems.add(String.valueOf(e.getMessage()));
            } else {
                throw new DataStoreUnusableException(
                        "The database " + file + " cannot be opened (" + e.getMessage() + ").",
                        "Check the file, its permissions and the disk. Broadsheet has not changed the file.",
                        e);
            }
        }
        if (!problems.isEmpty()) {
            throw new DataStoreUnusableException(
                    "The database " + file + " is damaged: " + String.join("; ", problems),
                    "Stop every Broadsheet process using it and restore the file from a backup (or try to"
                            + " rescue it with the sqlite3 tool's .recover command into a new file). Broadsheet"
                            + " has not changed the file and will not start on it.");
        }
    }

    private static String notTheDatabase(Path file) {
        return "If this is the wrong file, point spring.datasource.url (or broadsheet.data-dir) at the database."
                + " Otherwise restore the database from a backup, or move " + file + " away to start with an"
                + " empty database. Broadsheet has not changed the file.";
    }

    private static void checkPostgresql(String url, @Nullable String username, @Nullable String password) {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "15");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.isValid(5);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String where = redact(url);
            if (state.startsWith("08")) {
                throw new DataStoreUnusableException(
                        "Cannot reach the PostgreSQL database at " + where + " (" + e.getMessage() + ").",
                        "Start PostgreSQL or check spring.datasource.url (SPRING_DATASOURCE_URL): host, port and"
                                + " that the server accepts connections from this machine.",
                        e);
            }
            if (state.startsWith("28")) {
                throw new DataStoreUnusableException(
                        "PostgreSQL at " + where + " refused the credentials (" + e.getMessage() + ").",
                        "Check spring.datasource.username and spring.datasource.password"
                                + " (SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD).",
                        e);
            }
            if (state.equals("3D000")) {
                throw new DataStoreUnusableException(
                        "The PostgreSQL database in " + where + " does not exist (" + e.getMessage() + ").",
                        "Create it (createdb), or correct the database name in spring.datasource.url.",
                        e);
            }
            // Anything else: let the connection pool report it in its own words.
        }
    }

    /** The URL without a password given in it. */
    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String reason(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String user() {
        return "the user running Broadsheet (" + System.getProperty("user.name") + ")";
    }
}
