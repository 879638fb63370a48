package news.broadsheet.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Loads a backup's rows into a database whose schema Flyway has just created at the backup's
 * version, in one transaction: parents before children, a column pointing back at its own table
 * (a reply's parent comment) filled in by a second pass, then, on PostgreSQL, every identity column's
 * sequence moved past the highest id so new rows do not collide.
 */
public final class DatabaseLoad {

    private static final int BATCH = 500;

    private DatabaseLoad() {}

    /** Loads every table; returns the rows loaded per table. */
    public static Map<String, Long> load(Connection connection, Manifest manifest, Path folder)
            throws IOException, SQLException {
        boolean sqlite = DatabaseSnapshot.isSqlite(connection);
        Map<String, TableSchema> schema = TableSchema.all(connection);
        Map<String, Manifest.Table> backedUp = new LinkedHashMap<>();
        for (Manifest.Table table : manifest.tables()) {
            if (!schema.containsKey(table.name())) {
                throw new IllegalStateException("the backup holds a table the schema at version "
                        + manifest.schemaVersion() + " does not have: " + table.name());
            }
            backedUp.put(table.name(), table);
        }
        Map<String, Long> loaded = new LinkedHashMap<>();
        connection.setAutoCommit(false);
        try {
            if (sqlite) {
                try (Statement pragma = connection.createStatement()) {
                    pragma.execute("PRAGMA defer_foreign_keys = ON");
                }
            }
            for (TableSchema table : TableSchema.inInsertOrder(schema)) {
                Manifest.Table rows = backedUp.get(table.name());
                if (rows != null) {
                    loaded.put(table.name(), loadTable(connection, table, rows, folder));
                }
            }
            if (!sqlite) {
                resetSequences(connection, schema);
            }
            connection.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return loaded;
    }

    private static long loadTable(Connection connection, TableSchema table, Manifest.Table backup, Path folder)
            throws IOException, SQLException {
        List<TableSchema.Column> columns = new ArrayList<>();
        for (String name : backup.columns()) {
            TableSchema.Column column = table.columns().get(name);
            if (column == null) {
                throw new IllegalStateException(
                        "the backup's table " + table.name() + " has a column the schema does not: " + name);
            }
            columns.add(column);
        }
        // A column pointing back at this table is filled in once every row is there.
        List<String> later = table.selfReferences(connection).stream()
                .filter(name -> table.columns().get(name) != null
                        && table.columns().get(name).nullable()
                        && backup.columns().contains(name))
                .toList();
        boolean secondPass = !later.isEmpty() && backup.primaryKey().size() == 1;
        String insert = "INSERT INTO " + TableSchema.quote(table.name()) + " ("
                + String.join(
                        ", ",
                        columns.stream().map(c -> TableSchema.quote(c.name())).toList()) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        List<List<@Nullable Object>> deferred = new ArrayList<>();
        long rows = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(folder.resolve(backup.file())), 65536),
                        StandardCharsets.UTF_8));
                PreparedStatement statement = connection.prepareStatement(insert)) {
            String line;
            while ((line = lines.readLine()) != null) {
                List<?> values = Manifest.JSON.readValue(line, List.class);
                if (values.size() != columns.size()) {
                    throw new IllegalStateException(backup.file() + " line " + (rows + 1) + " has " + values.size()
                            + " values for " + columns.size() + " columns");
                }
                List<@Nullable Object> pending = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    Object value = values.get(i);
                    TableSchema.Column column = columns.get(i);
                    if (secondPass && later.contains(column.name())) {
                        pending.add(value);
                        value = null;
                    }
                    bind(statement, i + 1, column, value);
                }
                if (secondPass && pending.stream().anyMatch(v -> v != null)) {
                    pending.add(values.get(
                            backup.columns().indexOf(backup.primaryKey().getFirst())));
                    deferred.add(pending);
                }
                statement.addBatch();
                if (++rows % BATCH == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        }
        if (rows != backup.rows()) {
            throw new IllegalStateException(backup.file() + " holds " + rows + " rows; the manifest says "
                    + backup.rows() + " (an incomplete or altered backup)");
        }
        if (!deferred.isEmpty()) {
            String key = backup.primaryKey().getFirst();
            String update = "UPDATE " + TableSchema.quote(table.name()) + " SET "
                    + String.join(
                            ", ",
                            later.stream()
                                    .map(c -> TableSchema.quote(c) + " = ?")
                                    .toList())
                    + " WHERE " + TableSchema.quote(key) + " = ?";
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                int done = 0;
                for (List<@Nullable Object> row : deferred) {
                    for (int i = 0; i < later.size(); i++) {
                        bind(statement, i + 1, table.column(later.get(i)), row.get(i));
                    }
                    bind(statement, later.size() + 1, table.column(key), row.getLast());
                    statement.addBatch();
                    if (++done % BATCH == 0) {
                        statement.executeBatch();
                    }
                }
                statement.executeBatch();
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement statement, int index, TableSchema.Column column, @Nullable Object value)
            throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, column.type());
            case Map<?, ?> map
            when map.get("base64") instanceof String base64 ->
                statement.setBytes(index, Base64.getDecoder().decode(base64));
            case Boolean flag when column.isBoolean() -> statement.setBoolean(index, flag);
            case Boolean flag -> statement.setInt(index, flag ? 1 : 0);
            case Number number when column.isBoolean() -> statement.setBoolean(index, number.longValue() != 0);
            case Number number when column.isText() -> statement.setString(index, number.toString());
            case Double number -> statement.setDouble(index, number);
            case Float number -> statement.setDouble(index, number);
            case java.math.BigDecimal number -> statement.setBigDecimal(index, number);
            case Number number -> statement.setLong(index, number.longValue());
            case String text -> statement.setString(index, text);
            default -> throw new IllegalStateException("cannot restore the value " + value + " into " + column.name());
        }
    }

    /** Moves each identity column's sequence past the highest value restored (PostgreSQL). */
    private static void resetSequences(Connection connection, Map<String, TableSchema> schema) throws SQLException {
        for (TableSchema table : schema.values()) {
            for (String column : table.columns().keySet()) {
                String sequence;
                try (PreparedStatement find = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
                    find.setString(1, TableSchema.quote(table.name()));
                    find.setString(2, column);
                    try (ResultSet rs = find.executeQuery()) {
                        sequence = rs.next() ? rs.getString(1) : null;
                    }
                }
                if (sequence != null) {
                    try (PreparedStatement set = connection.prepareStatement("SELECT setval(?, (SELECT COALESCE(MAX("
                            + TableSchema.quote(column) + "), 0) + 1 FROM " + TableSchema.quote(table.name())
                            + "), false)")) {
                        set.setString(1, sequence);
                        set.execute();
                    }
                }
            }
        }
    }
}
