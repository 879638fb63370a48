package news.broadsheet.shared;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Reads the SQLite file a JDBC URL names: the start-up check, the database wiring and restore share it. */
public final class SqliteUrls {

    private static final String SQLITE = "jdbc:sqlite:";

    private SqliteUrls() {}

    /** The file of a SQLite URL, or null for another database, an in-memory one or a {@code file:} URI. */
    public static @Nullable Path file(String jdbcUrl) {
        if (!jdbcUrl.startsWith(SQLITE)) {
            return null;
        }
        String location = jdbcUrl.substring(SQLITE.length());
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        if (location.isEmpty() || location.startsWith(":memory:") || location.startsWith("file:")) {
            return null;
        }
        return Path.of(location);
    }
}
