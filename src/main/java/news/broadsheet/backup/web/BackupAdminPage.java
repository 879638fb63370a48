package news.broadsheet.backup.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * The backup admin page: the button, where backups go, and the finished ones.
 *
 * @param keep how many backups are kept there (the oldest beyond are removed); 0 keeps all
 * @param notice a message after writing one (or why it was not written), or null
 */
public record BackupAdminPage(
        String directory,
        int keep,
        List<Row> backups,
        String writeUrl,
        @Nullable String notice) {

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
