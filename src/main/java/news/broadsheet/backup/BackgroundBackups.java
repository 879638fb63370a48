package news.broadsheet.backup;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import news.broadsheet.backup.internal.BackupJobs;
import news.broadsheet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Backups asked for on the newsroom's page, written in the background: a large site's backup takes
 * longer than a browser or a proxy waits for an answer, and must not end because one gave up. One
 * at a time across all nodes ({@code backup_job}); the page reads how it goes from the database, so
 * any node can show it. A node that stops waits a while for its backup, then records it as failed
 * (its unfinished folder has no manifest, is never listed, and is removed by the next backup).
 */
@Component
public class BackgroundBackups implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundBackups.class);
    /** How often the node writing a backup says it is still at it. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A running backup not heard of for this long was left by a node that stopped. */
    static final Duration STALE = Duration.ofMinutes(1);
    /** How long a stopping node waits for the backup it is writing. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final Backups backups;
    private final BackupJobs jobs;
    private final Clock clock;
    private volatile boolean running;
    private volatile @Nullable Thread writer;
    private volatile long writing;

    BackgroundBackups(Backups backups, BackupJobs jobs, Clock clock) {
        this.backups = backups;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Starts writing a new backup under {@link Backups#directory()} in the background.
     *
     * @throws BackupRefusedException when a backup is being written already, on this node or another,
     *     or the node is stopping
     */
    public long start(Actor actor) {
        if (!running) {
            throw new BackupRefusedException("The server is stopping; start the backup again once it is back.");
        }
        long id = jobs.start(actor, clock.instant(), staleBefore())
                .orElseThrow(() -> new BackupRefusedException(
                        "A backup is being written already; this page shows when it is done."));
        // We hold the one running slot: no backup is being written anywhere, so unfinished folders
        // of ours are left by a node that stopped.
        backups.removeUnfinished();
        writing = id;
        writer = Thread.ofVirtual().name("backup-" + id).start(() -> write(id, actor));
        return id;
    }

    /** The newest backup asked for on the page, being written or ended. */
    public Optional<BackupJob> latest() {
        return jobs.latest(staleBefore());
    }

    private java.time.Instant staleBefore() {
        return clock.instant().minus(STALE);
    }

    private void write(long id, Actor actor) {
        CountDownLatch done = new CountDownLatch(1);
        Thread heartbeat = Thread.ofVirtual()
                .name("backup-" + id + "-heartbeat")
                .start(() -> {
                    try {
                        while (!done.await(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS)) {
                            try {
                                jobs.heartbeat(id, clock.instant());
                            } catch (RuntimeException e) {
                                // The next beat tries again; a minute of silence would mark the backup failed.
                                log.warn(
                                        "Backup {}: could not record that it is still being written: {}",
                                        id,
                                        e.toString());
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        String name = null;
        String error = "It stopped unexpectedly.";
        try {
            name = backups.writeNew(actor).name();
            error = null;
        } catch (RuntimeException e) {
            log.error("Backup {} failed", id, e);
            error = reason(e);
        } finally {
            done.countDown();
            try {
                heartbeat.join(HEARTBEAT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                jobs.finish(id, name, error, clock.instant());
            } catch (RuntimeException e) {
                // Marked failed by its stale heartbeat a minute from now.
                log.error("Backup {}: could not record how it ended", id, e);
            }
        }
    }

    /** What the admin reads after "failed: ". */
    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.startsWith(Backups.FAILED) ? message.substring(Backups.FAILED.length()) : message;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        if (thread == null || !thread.isAlive()) {
            return;
        }
        log.info("Waiting up to {} s for the backup being written", STOP_WAIT.toSeconds());
        try {
            if (!thread.join(STOP_WAIT)) {
                jobs.finish(writing, null, "The server stopped before it was done.", clock.instant());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not record that the backup stopped: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
