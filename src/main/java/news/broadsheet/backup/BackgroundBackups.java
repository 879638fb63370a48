package news.broadsheet.backup;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import news.broadsheet.backup.internal.BackupJobs;
import news.broadsheet.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Backups asked for on the newsroom's page, written in the background: a large site's backup takes
 * longer than a browser or a proxy waits for an answer, and must not end because one gave up. One
 * at a time across all nodes ({@code backup_job}); the page reads how it goes from the database, so
 * any node can show it.
 */
@Component
public class BackgroundBackups {

    private static final Logger log = LoggerFactory.getLogger(BackgroundBackups.class);
    /** How often the node writing a backup says it is still at it. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A running backup not heard of for this long was left by a node that stopped. */
    static final Duration STALE = Duration.ofMinutes(1);

    private final Backups backups;
    private final BackupJobs jobs;
    private final Clock clock;

    BackgroundBackups(Backups backups, BackupJobs jobs, Clock clock) {
        this.backups = backups;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Starts writing a new backup under {@link Backups#directory()} in the background.
     *
     * @throws BackupRefusedException when a backup is being written already, on this node or another
     */
    public long start(Actor actor) {
        long id = jobs.start(actor, clock.instant(), clock.instant().minus(STALE))
                .orElseThrow(() -> new BackupRefusedException(
                        "A backup is being written already; this page shows when it is done."));
        Thread.ofVirtual().name("backup-" + id).start(() -> write(id, actor));
        return id;
    }

    /** The newest backup asked for on the page, being written or ended. */
    public Optional<BackupJob> latest() {
        return jobs.latest();
    }

    private void write(long id, Actor actor) {
        CountDownLatch done = new CountDownLatch(1);
        Thread heartbeat = Thread.ofVirtual()
                .name("backup-" + id + "-heartbeat")
                .start(() -> {
                    try {
                        while (!done.await(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS)) {
                            jobs.heartbeat(id, clock.instant());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        log.warn("Backup {}: could not record that it is still being written: {}", id, e.toString());
                    }
                });
        String name = null;
        String error = null;
        try {
            name = backups.writeNew(actor).name();
        } catch (RuntimeException e) {
            log.error("Backup {} failed", id, e);
            error = e instanceof BackupRefusedException ? e.getMessage() : "The backup failed: " + e.getMessage();
        } finally {
            done.countDown();
        }
        try {
            heartbeat.join();
            jobs.finish(id, name, error, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
