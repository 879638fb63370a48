package news.broadsheet.backup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import news.broadsheet.backup.BackupJob;
import news.broadsheet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Backups written in the background ({@code backup_job}): at most one running, on any node. */
@Repository
public class BackupJobs {

    private static final String STOPPED = "The node writing it stopped before it was done.";

    private final JdbcClient jdbc;

    BackupJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new running backup, unless one is running already on any node (one whose heartbeat
     * is older than {@code staleBefore} was left by a node that stopped, and is marked failed first).
     *
     * @return the new job's id, or empty when another is running
     */
    public Optional<Long> start(Actor actor, Instant now, Instant staleBefore) {
        jdbc.sql("""
                        UPDATE backup_job SET running = NULL, state = 'failed', finished_at = :now,
                            error = :error
                        WHERE running = 1 AND heartbeat_at < :stale""")
                .param("now", now.toEpochMilli())
                .param("error", STOPPED)
                .param("stale", staleBefore.toEpochMilli())
                .update();
        try {
            return Optional.of(jdbc.sql("""
                            INSERT INTO backup_job (running, state, started_by, started_by_name, started_at, heartbeat_at)
                            VALUES (1, 'running', :by, :name, :now, :now)
                            RETURNING id""")
                    .param("by", actor.accountId(), Types.BIGINT)
                    .param("name", actor.name())
                    .param("now", now.toEpochMilli())
                    .query(Long.class)
                    .single());
        } catch (DataIntegrityViolationException alreadyRunning) {
            return Optional.empty();
        }
    }

    /** The job is still being written (its node is alive). */
    public void heartbeat(long id, Instant now) {
        jdbc.sql("UPDATE backup_job SET heartbeat_at = ? WHERE id = ? AND running = 1")
                .params(now.toEpochMilli(), id)
                .update();
    }

    public void finish(long id, @Nullable String backupName, @Nullable String error, Instant now) {
        jdbc.sql("""
                        UPDATE backup_job SET running = NULL, state = :state, backup_name = :name, error = :error,
                            finished_at = :now, heartbeat_at = :now
                        WHERE id = :id""")
                .param("state", error == null ? "done" : "failed")
                .param("name", backupName, Types.VARCHAR)
                .param(
                        "error",
                        error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error,
                        Types.VARCHAR)
                .param("now", now.toEpochMilli())
                .param("id", id)
                .update();
    }

    /**
     * The newest job, running or ended; one still marked running whose heartbeat is older than
     * {@code staleBefore} is shown as failed (its node stopped; the next start records it so).
     */
    public Optional<BackupJob> latest(Instant staleBefore) {
        return jdbc.sql("""
                        SELECT id, state, started_by_name, started_at, heartbeat_at, finished_at, backup_name, error
                        FROM backup_job ORDER BY id DESC LIMIT 1""")
                .query((rs, n) -> {
                    BackupJob job = job(rs, n);
                    return job.state() == BackupJob.State.RUNNING
                                    && rs.getLong("heartbeat_at") < staleBefore.toEpochMilli()
                            ? new BackupJob(
                                    job.id(),
                                    BackupJob.State.FAILED,
                                    job.startedByName(),
                                    job.startedAt(),
                                    null,
                                    null,
                                    STOPPED)
                            : job;
                })
                .optional();
    }

    private static BackupJob job(ResultSet rs, int n) throws SQLException {
        long finished = rs.getLong("finished_at");
        boolean notFinished = rs.wasNull();
        return new BackupJob(
                rs.getLong("id"),
                BackupJob.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getString("started_by_name"),
                Instant.ofEpochMilli(rs.getLong("started_at")),
                notFinished ? null : Instant.ofEpochMilli(finished),
                rs.getString("backup_name"),
                rs.getString("error"));
    }
}
