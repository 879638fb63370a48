/**
 * Backup and restore: {@link news.broadsheet.backup.Backups} writes a consistent copy of the live
 * site (every application table as gzipped JSON lines, read in one snapshot, then the media files)
 * from the {@code backup} command or the admin button at {@code /admin/backup};
 * {@link news.broadsheet.backup.RestoreCommand} loads one into an empty database and data directory,
 * SQLite or PostgreSQL whichever it came from (docs/operations.md). Reads every table through JDBC
 * metadata rather than through the features, since a backup is of the whole database. Publishes
 * {@link news.broadsheet.backup.BackupWritten} for the audit log; nothing depends on it.
 */
@NullMarked
package news.broadsheet.backup;

import org.jspecify.annotations.NullMarked;
