package news.broadsheet.backup.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * Writes every application table to {@code tables/<name>.jsonl.gz}, read in one consistent snapshot
 * of the live database: on PostgreSQL a read-only REPEATABLE READ transaction, on SQLite a deferred
 * read transaction (in write-ahead-log mode a reader sees the database as it was when it began, and
 * neither blocks the site's writers nor is blocked by them).
 */
public final class DatabaseSnapshot {

    /** What the snapshot wrote, and the media files its rows name. */
    public record Written(
            String schemaVersion,
            String database,
            Instant takenAt,
            List<Manifest.Table> tables,
            Set<String> mediaFiles) {}

    private DatabaseSnapshot() {}

    public static Written write(DataSource dataSource, Path folder, Instant now) throws IOException, SQLException {
        Files.createDirectories(folder.resolve("tables"));
        try (Connection connection = dataSource.getConnection()) {
            boolean sqlite = isSqlite(connection);
            if (sqlite) {
                try (Statement begin = connection.createStatement()) {
                    // The pool's connections begin IMMEDIATE (write-locking) transactions; a backup only reads.
                    begin.execute("BEGIN DEFERRED");
                }
            } else {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
            }
            try {
                Written written = writeTables(connection, folder, now);
                finish(connection, sqlite, "COMMIT");
                return written;
            } catch (IOException | SQLException | RuntimeException e) {
                try {
                    finish(connection, sqlite, "ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    private static void finish(Connection connection, boolean sqlite, String how) throws SQLException {
        if (sqlite) {
            try (Statement end = connection.createStatement()) {
                end.execute(how);
            }
        } else {
            if (how.equals("COMMIT")) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        }
    }

    private static Written writeTables(Connection connection, Path folder, Instant now)
            throws IOException, SQLException {
        // The first read fixes the snapshot: the schema version is part of it.
        String version = schemaVersion(connection);
        Map<String, TableSchema> schema = TableSchema.all(connection);
        List<Manifest.Table> tables = new ArrayList<>();
        Set<String> mediaFiles = new TreeSet<>();
        for (TableSchema table : TableSchema.inInsertOrder(schema)) {
            String file = "tables/" + table.name() + ".jsonl.gz";
            List<TableSchema.Column> columns = List.copyOf(table.columns().values());
            long rows = 0;
            boolean media = table.name().equals("image_variant") || table.name().equals("image_crop");
            int pathColumn =
                    columns.stream().map(TableSchema.Column::name).toList().indexOf("path");
            try (Statement select = connection.createStatement()) {
                select.setFetchSize(500);
                try (ResultSet rs = select.executeQuery(
                                "SELECT * FROM " + TableSchema.quote(table.name()) + " ORDER BY " + table.orderBy());
                        Writer out = new BufferedWriter(new OutputStreamWriter(
                                new GZIPOutputStream(Files.newOutputStream(folder.resolve(file)), 65536),
                                StandardCharsets.UTF_8))) {
                    int count = rs.getMetaData().getColumnCount();
                    List<String> labels = new ArrayList<>();
                    for (int i = 1; i <= count; i++) {
                        labels.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
                    }
                    List<@Nullable Object> values = new ArrayList<>(columns.size());
                    while (rs.next()) {
                        values.clear();
                        for (TableSchema.Column column : columns) {
                            values.add(value(rs.getObject(labels.indexOf(column.name()) + 1), column));
                        }
                        if (media && pathColumn >= 0 && values.get(pathColumn) instanceof String path) {
                            mediaFiles.add(path);
                        }
                        out.write(Manifest.JSON.writeValueAsString(values));
                        out.write('\n');
                        rows++;
                    }
                }
            }
            tables.add(new Manifest.Table(
                    table.name(),
                    columns.stream().map(TableSchema.Column::name).toList(),
                    table.primaryKey(),
                    rows,
                    file));
        }
        String database = connection.getMetaData().getDatabaseProductName() + " "
                + connection.getMetaData().getDatabaseProductVersion();
        return new Written(version, database, now, tables, mediaFiles);
    }

    /** A value as JSON has it: booleans as booleans on both databases, binary data as {"base64": ...}. */
    private static @Nullable Object value(@Nullable Object value, TableSchema.Column column) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return Map.of("base64", Base64.getEncoder().encodeToString(bytes));
        }
        if (column.isBoolean() && value instanceof Number number) {
            return number.longValue() != 0;
        }
        if (value instanceof Boolean || value instanceof Number || value instanceof String) {
            return value;
        }
        return value.toString();
    }

    /** The highest migration Flyway applied to this database. */
    public static String schemaVersion(Connection connection) throws SQLException {
        @Nullable MigrationVersion highest = null;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rs.next()) {
                if (rs.getBoolean(2)) {
                    MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                    if (highest == null || version.compareTo(highest) > 0) {
                        highest = version;
                    }
                }
            }
        }
        if (highest == null) {
            throw new IllegalStateException("the database has no applied migrations");
        }
        return highest.getVersion();
    }

    static boolean isSqlite(Connection connection) throws SQLException {
        return connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("sqlite");
    }
}
