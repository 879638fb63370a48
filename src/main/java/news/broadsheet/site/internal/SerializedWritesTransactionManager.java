package news.broadsheet.site.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;

/**
 * Transactions on the embedded SQLite database, begun one at a time in this process.
 *
 * <p>SQLite lets one writer in at a time. Every transaction here begins {@code IMMEDIATE}, so when
 * several connections try at once all but one are refused and SQLite's busy handler puts them to
 * sleep for 1, 2, 5, 10... up to 100 ms before it tries again. Under a burst of comments most of the
 * time went into those sleeps (profiled: three quarters of the posting threads' samples waited in
 * {@code BEGIN}), not into work. Here they queue on a fair lock instead and each starts the moment
 * the previous one ends. Another process on the same file (a command-line rebuild, say) still meets
 * SQLite's own busy handler.
 */
final class SerializedWritesTransactionManager extends JdbcTransactionManager {

    private final ReentrantLock writer = new ReentrantLock(true);
    private final Duration patience;

    /**
     * @param patience how long a transaction waits for its turn before it fails as
     *     "database busy", like SQLite's {@code busy_timeout}
     */
    SerializedWritesTransactionManager(DataSource dataSource, Duration patience) {
        super(dataSource);
        this.patience = patience;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        try {
            if (!writer.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CannotCreateTransactionException(
                        "The database is busy: no turn to write within " + patience.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotCreateTransactionException("Interrupted while waiting for a turn to write", e);
        }
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException | Error e) {
            writer.unlock();
            throw e;
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            // Spring completes a transaction on the thread that began it, which holds the lock.
            if (writer.isHeldByCurrentThread()) {
                writer.unlock();
            }
        }
    }

    /** Transactions waiting for their turn now; for tests and diagnostics. */
    int waiting() {
        return writer.getQueueLength();
    }
}
