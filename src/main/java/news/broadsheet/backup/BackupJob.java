package news.broadsheet.backup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A backup asked for on the newsroom's page, written in the background.
 *
 * @param backupName the finished backup's folder name, once done
 * @param error why it failed, once failed
 */
public record BackupJob(
        long id,
        State state,
        String startedByName,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String backupName,
        @Nullable String error) {

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }
}
