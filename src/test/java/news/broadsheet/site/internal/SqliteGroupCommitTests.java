package news.broadsheet.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit on a real SQLite file ({@code synchronous=FULL}): writes queued while one commits
 * share the next transaction, each is answered only once committed, and a failing write takes only
 * its own rows with it.
 */
class SqliteGroupCommitTests {

    /** Bound to the thread for the length of one transaction, to tell transactions apart. */
    private static final Object TRANSACTION_MARK = new Object();

    @TempDir
    Path directory;

    HikariDataSource dataSource;
    JdbcClient jdbc;
    SerializedWritesTransactionManager transactions;
    SqliteGroupCommit groupCommit;
    ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void openDatabase() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:sqlite:" + directory.resolve("group.db")
                + "?journal_mode=WAL&synchronous=FULL&busy_timeout=0&transaction_mode=IMMEDIATE");
        dataSource.setMaximumPoolSize(8);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE note (writer INTEGER NOT NULL)").update();
        transactions = new SerializedWritesTransactionManager(dataSource, Duration.ofSeconds(10));
        groupCommit = new SqliteGroupCommit(transactions);
    }

    @AfterEach
    void closeDatabase() throws Exception {
        callers.shutdownNow();
        groupCommit.destroy();
        dataSource.close();
    }

    @Test
    void writesQueuedWhileOneCommitsShareTheNextTransactionAndAllAreCommittedWhenAnswered() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<Object> first = writeAndHoldTheCommitter(releaseFirst);

        List<Future<Object>> others = new ArrayList<>();
        for (int writer = 1; writer <= 10; writer++) {
            int n = writer;
            others.add(callers.submit(() -> groupCommit.write(() -> insertNote(n))));
        }
        waitUntilQueued(10);
        releaseFirst.countDown();

        Object firstTransaction = first.get(10, TimeUnit.SECONDS);
        Set<Object> laterTransactions = ConcurrentHashMap.newKeySet();
        for (Future<Object> other : others) {
            laterTransactions.add(other.get(10, TimeUnit.SECONDS));
        }
        assertThat(laterTransactions).hasSize(1).doesNotContain(firstTransaction);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single())
                .isEqualTo(11L);
    }

    @Test
    void aFailingWriteInASharedTransactionLosesOnlyItsOwnRowsAndItsCallerGetsTheFailure() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<Object> first = writeAndHoldTheCommitter(releaseFirst);
        Future<Object> good = callers.submit(() -> groupCommit.write(() -> insertNote(1)));
        Future<Object> bad = callers.submit(() -> groupCommit.write(() -> {
            insertNote(2);
            throw new IllegalArgumentException("refused after writing");
        }));
        Future<Object> alsoGood = callers.submit(() -> groupCommit.write(() -> insertNote(3)));
        waitUntilQueued(3);
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(alsoGood.get(10, TimeUnit.SECONDS));
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused after writing");
        assertThat(jdbc.sql("SELECT writer FROM note ORDER BY writer")
                        .query(Integer.class)
                        .list())
                .containsExactly(0, 1, 3);
    }

    @Test
    void aLoneWriteThatFailsIsRolledBackAndItsCallerGetsTheFailure() {
        assertThatThrownBy(() -> groupCommit.write(() -> {
                    insertNote(7);
                    throw new IllegalStateException("no");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single())
                .isZero();
    }

    @Test
    void aCallerAlreadyInATransactionRunsTheWriteInIt() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> template.executeWithoutResult(status -> {
                    groupCommit.write(() -> insertNote(5));
                    throw new IllegalStateException("the caller's transaction rolls back");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single())
                .isZero();
    }

    @Test
    void writesQueuedAtShutdownAreStillCommitted() throws Exception {
        List<Future<Object>> writes = new ArrayList<>();
        for (int writer = 0; writer < 20; writer++) {
            int n = writer;
            writes.add(callers.submit(() -> groupCommit.write(() -> insertNote(n))));
        }
        groupCommit.destroy();
        for (Future<Object> write : writes) {
            write.get(10, TimeUnit.SECONDS);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single())
                .isEqualTo(20L);
    }

    @Test
    void aWriteAfterShutdownStillCommitsInATransactionOfItsOwn() throws Exception {
        groupCommit.destroy();

        groupCommit.write(() -> insertNote(9));

        assertThat(jdbc.sql("SELECT writer FROM note").query(Integer.class).list())
                .containsExactly(9);
    }

    /**
     * Starts a write (writer 0) that keeps the committer inside its transaction until released, so
     * that the writes sent meanwhile queue for the next one; returns once it is running.
     */
    private Future<Object> writeAndHoldTheCommitter(CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Future<Object> first = callers.submit(() -> groupCommit.write(() -> {
            insertNote(0);
            running.countDown();
            await(release);
            return transactionOfThisThread();
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    /** Inserts a row in the current transaction and says which transaction that is. */
    private Object insertNote(int writer) {
        JdbcClient.create(dataSource)
                .sql("INSERT INTO note (writer) VALUES (?)")
                .param(writer)
                .update();
        return transactionOfThisThread();
    }

    private static Object transactionOfThisThread() {
        Object mark = TransactionSynchronizationManager.getResource(TRANSACTION_MARK);
        if (mark == null) {
            Object fresh = new Object();
            TransactionSynchronizationManager.bindResource(TRANSACTION_MARK, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION_MARK);
                }
            });
            return fresh;
        }
        return mark;
    }

    private void waitUntilQueued(int writes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groupCommit.queued() < writes && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(groupCommit.queued()).isEqualTo(writes);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
