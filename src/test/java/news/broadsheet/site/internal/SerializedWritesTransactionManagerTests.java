package news.broadsheet.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real SQLite files with {@code busy_timeout=0}: SQLite refuses a second writer at once, so only
 * queueing in the transaction manager lets concurrent transactions through.
 */
class SerializedWritesTransactionManagerTests {

    @TempDir
    Path directory;

    HikariDataSource dataSource;
    JdbcClient jdbc;

    @BeforeEach
    void openDatabase() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:sqlite:" + directory.resolve("writes.db")
                + "?journal_mode=WAL&synchronous=FULL&busy_timeout=0&transaction_mode=IMMEDIATE");
        dataSource.setMaximumPoolSize(8);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE note (writer INTEGER NOT NULL, n INTEGER NOT NULL)")
                .update();
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
    }

    @Test
    void concurrentWriteTransactionsAllCommitWhenQueuedInTheProcess() throws Exception {
        List<Throwable> failures =
                runWriters(new SerializedWritesTransactionManager(dataSource, Duration.ofSeconds(10)));

        assertThat(failures).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single())
                .isEqualTo(8L * 25 * 2);
    }

    @Test
    void withoutTheQueueSqliteRefusesConcurrentWritersSoTheTestAboveMeansSomething() throws Exception {
        List<Throwable> failures = runWriters(new JdbcTransactionManager(dataSource));

        assertThat(failures).isNotEmpty().anyMatch(SerializedWritesTransactionManagerTests::busy);
    }

    /**
     * Whether SQLite refused the writer as busy, however Spring wrapped it: as the cause, or as
     * the application exception of a rollback that failed after it.
     */
    private static boolean busy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("SQLITE_BUSY")) {
                return true;
            }
            if (t instanceof TransactionSystemException system
                    && system.getApplicationException() != null
                    && busy(system.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aTransactionThatWaitsLongerThanItsPatienceFailsAsBusyAndLeavesTheQueueUsable() throws Exception {
        var manager = new SerializedWritesTransactionManager(dataSource, Duration.ofMillis(100));
        var transactions = new TransactionTemplate(manager);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> slow = pool.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO note VALUES (1, 1)").update();
                holding.countDown();
                await(release);
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> transactions.executeWithoutResult(
                            status -> jdbc.sql("INSERT INTO note VALUES (2, 1)").update()))
                    .isInstanceOf(CannotCreateTransactionException.class)
                    .hasMessageContaining("busy");

            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
        }
        transactions.executeWithoutResult(
                status -> jdbc.sql("INSERT INTO note VALUES (3, 1)").update());
        assertThat(jdbc.sql("SELECT writer FROM note ORDER BY writer")
                        .query(Integer.class)
                        .list())
                .containsExactly(1, 3);
        assertThat(manager.waiting()).isZero();
    }

    @Test
    void readsTheBusyTimeoutFromTheUrl() {
        assertThat(DatabaseConfiguration.busyTimeout(dataSource)).isEqualTo(Duration.ZERO);
    }

    /** Eight threads, each running 25 transactions of two inserts, all released at once. */
    private List<Throwable> runWriters(JdbcTransactionManager manager) throws Exception {
        var transactions = new TransactionTemplate(manager);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    await(start);
                    for (int n = 0; n < 25; n++) {
                        int row = n;
                        transactions.executeWithoutResult(status -> {
                            jdbc.sql("INSERT INTO note VALUES (?, ?)")
                                    .params(writer, row)
                                    .update();
                            jdbc.sql("INSERT INTO note VALUES (?, ?)")
                                    .params(writer, -row)
                                    .update();
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
        }
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> writer : writers) {
            try {
                writer.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        return failures;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
