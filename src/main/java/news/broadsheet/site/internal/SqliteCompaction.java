package news.broadsheet.site.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a SQLite file back the pages its migrations freed. A migration that rewrites a large table
 * (V41 moved the story bodies to the end of their rows) leaves the old copy's pages free inside the
 * file: new rows reuse them, but until then the file is as large as both copies together, twice
 * the site's size on the operator's disk. So after a start that applied migrations, a file at
 * least a quarter free is rewritten once by {@code VACUUM}, before the site serves. A failure (a
 * full disk: VACUUM needs room for a copy and for its write-ahead log) is reported and the site
 * starts anyway; the free pages stay usable. Commands that share the database with a running site
 * ({@code backup}, imports) never upgrade a database, so never compact one.
 */
final class SqliteCompaction {

    private static final Logger log = LoggerFactory.getLogger(SqliteCompaction.class);

    /** At least this share of the file free, so that a routine migration never costs a rewrite. */
    static final double FREE_SHARE = 0.25;

    /** And at least this much, so that a new site's few free pages are left alone. */
    static final long MIN_FREE_BYTES = 4L * 1024 * 1024;

    /** The file's size and free space, in bytes. */
    record Space(long bytes, long freeBytes) {

        boolean worthCompacting() {
            return freeBytes >= MIN_FREE_BYTES && freeBytes >= FREE_SHARE * bytes;
        }
    }

    private SqliteCompaction() {}

    /** Compacts the database if it is mostly free space; returns its space afterwards. */
    static Space compactIfMostlyFree(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Space before = space(connection);
            if (!before.worthCompacting()) {
                return before;
            }
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM");
            } catch (SQLException e) {
                log.warn(
                        "Could not compact the database after the migrations ({}): {} of its {} are free pages,"
                                + " which new content reuses. To give them back, stop Broadsheet and run VACUUM on"
                                + " it, with free disk space of twice the size of the file (SQLITE_TMPDIR names"
                                + " where SQLite puts its temporary copy).",
                        e.getMessage(),
                        megabytes(before.freeBytes()),
                        megabytes(before.bytes()));
                return before;
            } finally {
                // VACUUM in WAL mode writes the whole new file through the log, and a failed one
                // leaves what it wrote there: fold the log in and give its space back either way.
                truncateLog(connection);
            }
            Space after = space(connection);
            log.info(
                    "Compacted the database after the migrations: {} to {} in {} s",
                    megabytes(before.bytes()),
                    megabytes(after.bytes()),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            return after;
        }
    }

    private static void truncateLog(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                log.warn("The database's write-ahead log could not be emptied after compacting: a reader held it."
                        + " SQLite empties it at a later checkpoint.");
            }
        } catch (SQLException e) {
            log.warn("The database's write-ahead log could not be emptied after compacting: {}", e.getMessage());
        }
    }

    static Space space(Connection connection) throws SQLException {
        long pageSize = pragma(connection, "page_size");
        return new Space(pageSize * pragma(connection, "page_count"), pageSize * pragma(connection, "freelist_count"));
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }
}
