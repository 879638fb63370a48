package news.broadsheet.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A finished backup, as its manifest describes it.
 *
 * @param name the folder's name, for example {@code 2026-12-04T23-51-12Z}
 * @param createdAt when its database snapshot was taken
 * @param schemaVersion the Flyway version of the schema it was taken from
 */
public record BackupSummary(
        String name,
        Path folder,
        Instant createdAt,
        String schemaVersion,
        long stories,
        long pages,
        long comments,
        long images,
        long mediaFiles,
        long mediaBytes) {}
