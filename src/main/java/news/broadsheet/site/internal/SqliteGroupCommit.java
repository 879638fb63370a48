package news.broadsheet.site.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import news.broadsheet.shared.GroupCommit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for SQLite: writes that arrive while one transaction commits are run together in the
 * next one, each inside a savepoint of its own, by a single committing thread; every caller is
 * answered once that transaction committed.
 *
 * <p>With {@code synchronous=FULL} each commit flushes the write-ahead log to disk, and SQLite lets
 * one writer in at a time, so under a burst of comments the flushes, not the work, set the pace:
 * measured on 10,000 stories, 500-535 comments/s with a flush per comment, 730-840 with no flush at
 * all ({@code synchronous=NORMAL}, which can lose the last comments on a power cut). Sharing the
 * flush keeps the durability and most of the speed. A write that fails rolls back to its savepoint
 * and only its caller sees the failure; if the shared transaction itself fails, its writes are run
 * again one transaction each, so one bad write cannot fail the others.
 */
final class SqliteGroupCommit implements GroupCommit, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SqliteGroupCommit.class);

    /** At most this many writes share a transaction, so a long queue still commits in steps. */
    private static final int MAX_BATCH = 64;

    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    /** Queued on shutdown to wake the committer. */
    private static final Pending<Object> STOP = new Pending<>(Object::new);

    /** Guards {@link #running} together with queueing, so that nothing is queued after the committer stops. */
    private final Object lifecycle = new Object();

    private boolean running = true;

    SqliteGroupCommit(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.committer =
                Thread.ofPlatform().name("sqlite-group-commit").daemon().unstarted(this::commitInTurn);
        this.committer.start();
    }

    @Override
    public <T> T write(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        Pending<T> pending = new Pending<>(work);
        boolean queued;
        synchronized (lifecycle) {
            // Checked and queued together, so the committer cannot stop between the two.
            queued = running;
            if (queued) {
                queue.add(pending);
            }
        }
        return queued ? pending.answer() : transaction.execute(status -> work.get());
    }

    private void commitInTurn() {
        while (true) {
            List<Pending<?>> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            batch.removeIf(pending -> pending == STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            synchronized (lifecycle) {
                if (!running && queue.isEmpty()) {
                    return;
                }
            }
        }
    }

    private void commit(List<Pending<?>> batch) {
        try {
            transaction.executeWithoutResult(status -> {
                for (Pending<?> pending : batch) {
                    pending.runIn(batch.size() == 1 ? null : savepoint);
                }
            });
            batch.forEach(Pending::answerWithOutcome);
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.getFirst().fail(e);
                return;
            }
            log.warn(
                    "A shared transaction of {} writes failed ({}); running them one by one",
                    batch.size(),
                    e.toString());
            for (Pending<?> pending : batch) {
                pending.reset();
                commit(List.of(pending));
            }
        }
    }

    /** Writes waiting for the next transaction; for tests and diagnostics. */
    int queued() {
        return queue.size();
    }

    @Override
    public void destroy() throws InterruptedException {
        // What is queued is still committed; the marker only wakes the committer if it waits.
        synchronized (lifecycle) {
            running = false;
        }
        queue.add(STOP);
        committer.join(10_000);
    }

    /** A write waiting for its turn, and then for the commit. */
    private static final class Pending<T> {

        private final Supplier<T> work;
        private final CompletableFuture<T> answer = new CompletableFuture<>();
        private @Nullable T result;
        private @Nullable RuntimeException failure;

        Pending(Supplier<T> work) {
            this.work = work;
        }

        /** Runs the work in the committer's transaction, in a savepoint when it is shared. */
        void runIn(@Nullable TransactionTemplate savepoint) {
            if (savepoint == null) {
                result = work.get();
                return;
            }
            try {
                result = savepoint.execute(status -> work.get());
            } catch (RuntimeException e) {
                failure = e; // rolled back to its savepoint; the others carry on
            }
        }

        void reset() {
            result = null;
            failure = null;
        }

        void answerWithOutcome() {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(result);
            }
        }

        void fail(Throwable e) {
            answer.completeExceptionally(e);
        }

        T answer() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return answer.get();
                    } catch (InterruptedException e) {
                        // The write is queued or running: its caller waits for the outcome regardless.
                        interrupted = true;
                    }
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
