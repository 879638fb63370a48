package news.broadsheet.site.internal;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Translates SQLite's "busy" and "locked" into {@link CannotAcquireLockException}, a transient
 * failure the web layer answers with 503 and {@code Retry-After}. Spring has no error codes for
 * SQLite, so without this they reach callers as an uncategorised SQL error (a 500). For the same
 * reason a broken unique or primary key becomes {@link DuplicateKeyException} and any other broken
 * constraint {@link DataIntegrityViolationException}, as on PostgreSQL, so the callers' "already
 * taken" answers work on both. Every other exception is translated as Spring does by default.
 */
final class SqliteBusyTranslator implements SQLExceptionTranslator {

    private final SQLExceptionTranslator standard = new SQLExceptionSubclassTranslator();

    @Override
    public @Nullable DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        if (isBusy(ex)) {
            return new CannotAcquireLockException(task + ": the database is busy", ex);
        }
        if (ex instanceof SQLiteException sqlite
                && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
            return switch (sqlite.getResultCode()) {
                case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY ->
                    new DuplicateKeyException(task + ": " + ex.getMessage(), ex);
                default -> new DataIntegrityViolationException(task + ": " + ex.getMessage(), ex);
            };
        }
        return standard.translate(task, sql, ex);
    }

    static boolean isBusy(SQLException ex) {
        if (ex instanceof SQLiteException sqlite) {
            // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED_SHAREDCACHE …) keep the primary code in the low byte.
            int primary = sqlite.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
        }
        return false;
    }
}
