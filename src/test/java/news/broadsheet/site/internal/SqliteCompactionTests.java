package news.broadsheet.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link SqliteCompaction} on real SQLite files in WAL mode, as the application opens them. */
class SqliteCompactionTests {

    @TempDir
    Path scratch;

    @Test
    void aFileMostlyFreedByAMigrationIsRewrittenSmallerWithItsRowsIntact() throws SQLException {
        DriverManagerDataSource dataSource = withRowsDeleted(400, 100);
        execute(dataSource, "PRAGMA wal_checkpoint(TRUNCATE)");
        long sizeBefore = size();

        SqliteCompaction.Space after = SqliteCompaction.compactIfMostlyFree(dataSource);

        assertThat(after.freeBytes()).isZero();
        assertThat(size()).isLessThan(sizeBefore / 2);
        assertThat(wal()).as("the log folded in and emptied").isZero();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT COUNT(*), SUM(LENGTH(body)) FROM blob_row")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(100);
            assertThat(rs.getLong(2)).isEqualTo(100L * 32 * 1024);
        }
    }

    @Test
    void aFileWithFewFreePagesIsLeftAsItIs() throws SQLException {
        // An eighth free: a routine migration's leftovers, not worth rewriting the file for.
        DriverManagerDataSource dataSource = withRowsDeleted(1200, 1050);
        SqliteCompaction.Space before = space(dataSource);
        assertThat(before.freeBytes()).isGreaterThan(SqliteCompaction.MIN_FREE_BYTES);

        assertThat(SqliteCompaction.compactIfMostlyFree(dataSource)).isEqualTo(before);
    }

    @Test
    void aSmallNewFileIsLeftAsItIs() throws SQLException {
        DriverManagerDataSource dataSource = withRowsDeleted(40, 0);
        SqliteCompaction.Space before = space(dataSource);
        assertThat(before.freeBytes())
                .as("nearly all of it free, yet less than the minimum")
                .isPositive();

        assertThat(SqliteCompaction.compactIfMostlyFree(dataSource)).isEqualTo(before);
    }

    @Test
    void aCompactionThatCannotRunLeavesTheFileAsItWasAndLetsTheSiteStart() throws SQLException {
        DriverManagerDataSource dataSource = withRowsDeleted(400, 100);
        SqliteCompaction.Space before = space(dataSource);
        try (Connection writer = dataSource.getConnection();
                Statement statement = writer.createStatement()) {
            // Another writer holds the file: VACUUM gives up after the busy timeout.
            statement.execute("BEGIN IMMEDIATE");

            assertThat(SqliteCompaction.compactIfMostlyFree(dataSource)).isEqualTo(before);

            statement.execute("ROLLBACK");
        }
        assertThat(space(dataSource)).isEqualTo(before);
    }

    /** A file that held {@code rows} rows of 32 KiB, all but the first {@code kept} deleted. */
    private DriverManagerDataSource withRowsDeleted(int rows, int kept) throws SQLException {
        DriverManagerDataSource dataSource = database();
        fill(dataSource, rows);
        execute(dataSource, "DELETE FROM blob_row WHERE id > " + kept);
        return dataSource;
    }

    private DriverManagerDataSource database() {
        return new DriverManagerDataSource("jdbc:sqlite:" + scratch.resolve("broadsheet.db")
                + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=500");
    }

    private static SqliteCompaction.Space space(DriverManagerDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return SqliteCompaction.space(connection);
        }
    }

    private long size() {
        return scratch.resolve("broadsheet.db").toFile().length();
    }

    private long wal() {
        Path wal = scratch.resolve("broadsheet.db-wal");
        return Files.exists(wal) ? wal.toFile().length() : 0;
    }

    /** Rows of 32 KiB, each spilling into overflow pages as a story's body does. */
    private static void fill(DriverManagerDataSource dataSource, int rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE blob_row (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
            connection.setAutoCommit(false);
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO blob_row (id, body) VALUES (?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setInt(1, i);
                    insert.setBytes(2, new byte[32 * 1024]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private static void execute(DriverManagerDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
