package news.broadsheet.backup.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A table as the JDBC driver describes it: its columns (with their types), primary key and the
 * tables its foreign keys point at. Names are lower case, as the migrations write them.
 */
record TableSchema(String name, Map<String, Column> columns, List<String> primaryKey, Set<String> references) {

    /**
     * Tables a backup leaves out: Flyway's own (rebuilt by running the migrations), sign-in sessions
     * (everyone signs in again), the change logs the search index and page cache follow (both
     * rebuilt on start) and the backups being written (a restored site has none running).
     */
    static final Set<String> LEFT_OUT = Set.of(
            "flyway_schema_history",
            "backup_job",
            "spring_session",
            "spring_session_attributes",
            "search_article_change",
            "page_cache_change");

    /** One column: its JDBC type, and whether it may hold null. */
    record Column(String name, int type, String typeName, boolean nullable) {

        boolean isBoolean() {
            return type == Types.BOOLEAN
                    || type == Types.BIT
                    || typeName.toLowerCase(Locale.ROOT).startsWith("bool");
        }

        boolean isBinary() {
            String lower = typeName.toLowerCase(Locale.ROOT);
            return type == Types.BINARY
                    || type == Types.VARBINARY
                    || type == Types.LONGVARBINARY
                    || type == Types.BLOB
                    || lower.equals("bytea")
                    || lower.equals("blob");
        }

        boolean isText() {
            return switch (type) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR -> true;
                default -> false;
            };
        }
    }

    Column column(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new IllegalStateException("the table " + this.name + " has no column " + name);
        }
        return column;
    }

    /** Columns of this table whose foreign key points back at it (a comment's parent, a section's). */
    List<String> selfReferences(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet keys = meta.getImportedKeys(null, connection.getSchema(), name)) {
            while (keys.next()) {
                if (keys.getString("PKTABLE_NAME").equalsIgnoreCase(name)) {
                    columns.add(keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** Every table in the connection's schema, by name, in the order a restore inserts them. */
    static Map<String, TableSchema> all(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, TableSchema> tables = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME");
                if (!table.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                    names.add(table);
                }
            }
        }
        for (String table : names) {
            Map<String, Column> columns = new LinkedHashMap<>();
            try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
                while (rows.next()) {
                    String column = rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    columns.put(
                            column,
                            new Column(
                                    column,
                                    rows.getInt("DATA_TYPE"),
                                    String.valueOf(rows.getString("TYPE_NAME")),
                                    !"NO".equals(rows.getString("IS_NULLABLE"))));
                }
            }
            Map<Integer, String> key = new TreeMap<>();
            try (ResultSet rows = meta.getPrimaryKeys(null, schema, table)) {
                while (rows.next()) {
                    key.put(
                            rows.getInt("KEY_SEQ"),
                            rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            Set<String> references = new LinkedHashSet<>();
            try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
                while (rows.next()) {
                    String target = rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!target.equalsIgnoreCase(table)) {
                        references.add(target);
                    }
                }
            }
            String lower = table.toLowerCase(Locale.ROOT);
            tables.put(lower, new TableSchema(lower, columns, List.copyOf(key.values()), references));
        }
        return tables;
    }

    /** The tables a backup holds, parents before the tables that refer to them. */
    static List<TableSchema> inInsertOrder(Map<String, TableSchema> tables) {
        List<TableSchema> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : tables.keySet()) {
            place(name, tables, placed, visiting, ordered);
        }
        ordered.removeIf(table -> LEFT_OUT.contains(table.name()));
        return ordered;
    }

    private static void place(
            String name,
            Map<String, TableSchema> tables,
            Set<String> placed,
            Set<String> visiting,
            List<TableSchema> ordered) {
        @Nullable TableSchema table = tables.get(name);
        if (table == null || placed.contains(name) || !visiting.add(name)) {
            return; // unknown, done, or a cycle (none in the schema; the insert would then say so)
        }
        for (String parent : table.references()) {
            place(parent, tables, placed, visiting, ordered);
        }
        visiting.remove(name);
        placed.add(name);
        ordered.add(table);
    }

    /** ORDER BY the primary key; a table without one by all its columns, so the order is stable. */
    String orderBy() {
        List<String> order = primaryKey.isEmpty() ? List.copyOf(columns.keySet()) : primaryKey;
        return String.join(", ", order.stream().map(TableSchema::quote).toList());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
