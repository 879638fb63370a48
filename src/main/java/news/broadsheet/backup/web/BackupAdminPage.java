package news.broadsheet.backup.web;

import java.util.List;
import news.broadsheet.backup.BackupJob;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * The backup admin page: the button, where backups go, and the finished ones.
 *
 * @param keep how many backups are kept there (the oldest beyond are removed); 0 keeps all
 * @param refusal why a backup asked for was not started, or null
 * @param status how the newest backup asked for here goes or went, or null when none was
 * @param state that one's state, or null when none was
 */
public record BackupAdminPage(
        String directory,
        int keep,
        List<Row> backups,
        String writeUrl,
        @Nullable String refusal,
        @Nullable String status,
        BackupJob.@Nullable State state) {

    /** Whether the newest is being written: the page refreshes itself meanwhile. */
    public boolean running() {
        return state == BackupJob.State.RUNNING;
    }

    public boolean failed() {
        return state == BackupJob.State.FAILED;
    }

    /** One finished backup. */
    public record Row(
            String name,
            DisplayTime createdAt,
            String schemaVersion,
            long stories,
            long pages,
            long comments,
            long mediaFiles,
            String mediaSize) {}
}
