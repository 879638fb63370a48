package news.broadsheet.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * Inserts many rows and gives back their generated {@code id}s in order. Bulk work (an import)
 * pays for every statement in round trips on PostgreSQL, so there the rows go as one JDBC batch;
 * sqlite-jdbc returns no keys for a batch, and runs in-process where a statement costs no round
 * trip, so there they go one by one. Joins the caller's transaction.
 */
public final class BatchInsert {

    private BatchInsert() {}

    /**
     * Runs {@code insert} (an {@code INSERT} without {@code RETURNING}) once per row.
     *
     * @return the {@code id} of each row, in the order of {@code rows}
     */
    public static <T> List<Long> returningIds(
            JdbcTemplate jdbc, String insert, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.execute((ConnectionCallback<List<Long>>) connection -> batchesWithKeys(connection)
                ? batched(connection, insert, rows, setter)
                : oneByOne(connection, insert, rows, setter));
        if (ids == null || ids.size() != rows.size()) {
            throw new IllegalStateException(
                    "expected " + rows.size() + " generated ids, got " + (ids == null ? "none" : ids.size()));
        }
        return ids;
    }

    private static boolean batchesWithKeys(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    private static <T> List<Long> batched(
            Connection connection, String insert, List<T> rows, ParameterizedPreparedStatementSetter<T> setter)
            throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        try (PreparedStatement statement = connection.prepareStatement(insert, new String[] {"id"})) {
            for (T row : rows) {
                setter.setValues(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    private static <T> List<Long> oneByOne(
            Connection connection, String insert, List<T> rows, ParameterizedPreparedStatementSetter<T> setter)
            throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        try (PreparedStatement statement = connection.prepareStatement(insert + " RETURNING id")) {
            for (T row : rows) {
                setter.setValues(statement, row);
                try (ResultSet key = statement.executeQuery()) {
                    if (!key.next()) {
                        throw new SQLException("the insert returned no id");
                    }
                    ids.add(key.getLong(1));
                }
            }
        }
        return ids;
    }
}
