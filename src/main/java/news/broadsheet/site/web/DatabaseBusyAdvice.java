package news.broadsheet.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a database that cannot take a request just now (SQLite's writers queued longer than
 * their patience, a lock not granted, the connection lost) with 503 and {@code Retry-After}: the
 * transaction was rolled back, so the reader is asked to send again, and the log gets one line
 * instead of a stack trace per request during a spike. Handlers' failures arrive here; those of
 * the filters around them (sign-in, sessions) through {@link DatabaseBusyFilter}.
 */
@ControllerAdvice
class DatabaseBusyAdvice {

    /** Seconds a client should wait before sending again: long enough for a queue to drain. */
    static final String RETRY_AFTER_SECONDS = "2";

    private static final Logger log = LoggerFactory.getLogger(DatabaseBusyAdvice.class);

    @ExceptionHandler({
        CannotCreateTransactionException.class,
        TransientDataAccessException.class,
        DataAccessResourceFailureException.class
    })
    void busy(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        answerBusy(e, request, response);
    }

    /** Whether a failure, or one it was caused by, says the database cannot take the request now. */
    static boolean databaseUnavailable(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    /** 503 with {@code Retry-After}, the error page (or problem details under the API) and one log line. */
    static void answerBusy(Throwable e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn(
                "{} {} answered 503, the database is unavailable: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
    }
}
