package news.broadsheet.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import javax.sql.DataSource;
import news.broadsheet.backup.internal.DatabaseSnapshot;
import news.broadsheet.backup.internal.Manifest;
import news.broadsheet.backup.internal.MediaCopy;
import news.broadsheet.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Writes backups of the live site: the database as a logical export taken in one consistent
 * snapshot, then the media files (see docs/operations.md for the format). The newsroom's button
 * writes them under {@code broadsheet.backup.dir}, by default {@code <data-dir>/backups}.
 */
@Component
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Path media;
    private final Path directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** How many of the backups under {@link #directory} are kept; 0 keeps all. */
    private final int keep;

    private final ReentrantLock writing = new ReentrantLock();

    /** How the message of a backup that failed on a database or file error begins. */
    static final String FAILED = "The backup failed: ";

    /** Folders named as {@link #writeNew} names them. */
    private static final java.util.regex.Pattern OURS =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z(-\\d+)?");

    Backups(
            DataSource dataSource,
            @Value("${broadsheet.data-dir:./data}") Path dataDir,
            @Value("${broadsheet.backup.dir:}") String directory,
            @Value("${broadsheet.backup.keep:10}") int keep,
            Clock clock,
            ApplicationEventPublisher events) {
        if (keep < 0) {
            throw new IllegalArgumentException("broadsheet.backup.keep must be 0 (keep all) or more, not " + keep);
        }
        this.dataSource = dataSource;
        this.media = dataDir.resolve("media");
        this.directory = directory.isBlank() ? dataDir.resolve("backups") : Path.of(directory);
        this.keep = keep;
        this.clock = clock;
        this.events = events;
    }

    /** How many of the newsroom's backups are kept (0: all). */
    public int keep() {
        return keep;
    }

    /** Where the newsroom's backups go. */
    public Path directory() {
        return directory;
    }

    /**
     * Writes a backup into a new folder under {@link #directory()}, named by the time; then removes
     * the oldest there beyond {@code broadsheet.backup.keep}, so the disk does not fill up with them.
     * Only finished backups count and are removed; folders written by the command line elsewhere are
     * never touched.
     */
    public BackupSummary writeNew(Actor actor) {
        BackupSummary written = writeNewFolder(actor);
        removeOldest();
        return written;
    }

    /**
     * Removes the folders under {@link #directory()} that a backup of the newsroom's began and never
     * finished (named as this names them, with no manifest): a node stopped while writing it. They
     * hold password hashes and are never listed. Call only while no backup is being written into
     * that folder.
     */
    public void removeUnfinished() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path folder : folders) {
                if (OURS.matcher(folder.getFileName().toString()).matches()
                        && !Files.exists(folder.resolve(Manifest.FILE))) {
                    FileSystemUtils.deleteRecursively(folder);
                    log.info("Removed the unfinished backup {}", folder.getFileName());
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove unfinished backups in {}: {}", directory, e.toString());
        }
    }

    private void removeOldest() {
        if (keep == 0) {
            return;
        }
        List<BackupSummary> backups = list();
        for (BackupSummary old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            try {
                FileSystemUtils.deleteRecursively(old.folder());
                log.info("Removed backup {}: broadsheet.backup.keep is {}", old.name(), keep);
            } catch (IOException e) {
                log.warn("Could not remove the old backup {}: {}", old.folder(), e.toString());
            }
        }
    }

    private BackupSummary writeNewFolder(Actor actor) {
        String name = NAME.format(clock.instant());
        try {
            Files.createDirectories(directory);
            ownerOnly(directory);
            for (int attempt = 1; ; attempt++) {
                Path folder = directory.resolve(attempt == 1 ? name : name + "-" + attempt);
                try {
                    Files.createDirectory(folder);
                    return write(folder, actor);
                } catch (FileAlreadyExistsException e) {
                    // Two in the same second: the second gets a suffix.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup folder under " + directory, e);
        }
    }

    /**
     * Writes a backup into {@code folder}, which must not exist or be empty.
     *
     * @throws BackupRefusedException when the folder holds something, or another backup is being written
     */
    public BackupSummary write(Path folder, Actor actor) {
        if (!writing.tryLock()) {
            throw new BackupRefusedException("Another backup is being written; try again when it is done.");
        }
        boolean created = false;
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new BackupRefusedException(
                                folder + " is not empty: a backup goes into a new or empty folder");
                    }
                }
            } else {
                Files.createDirectories(folder);
                created = true;
            }
            ownerOnly(folder);
            try {
                DatabaseSnapshot.Written database = DatabaseSnapshot.write(dataSource, folder, clock.instant());
                // After the snapshot: every file its rows name was written before the row was committed.
                Manifest.Media files = MediaCopy.copy(media, folder.resolve("media"));
                List<String> missing = MediaCopy.missing(folder.resolve("media"), database.mediaFiles());
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("the database names " + missing.size()
                            + " media files that are not in " + media + ", for example " + missing.getFirst());
                }
                Manifest manifest = new Manifest(
                        Manifest.FORMAT,
                        Manifest.FORMAT_VERSION,
                        database.takenAt().toString(),
                        database.schemaVersion(),
                        database.database(),
                        database.tables(),
                        files);
                manifest.write(folder);
                BackupSummary summary = summary(folder, manifest);
                events.publishEvent(new BackupWritten(
                        actor,
                        "Backup " + folder.getFileName() + ": " + summary.stories() + " stories, " + summary.comments()
                                + " comments, " + summary.mediaFiles() + " media files"));
                return summary;
            } catch (IOException | SQLException | RuntimeException e) {
                // Leave no half backup behind: without a manifest it is not one anyway.
                if (created) {
                    FileSystemUtils.deleteRecursively(folder);
                } else {
                    try (Stream<Path> entries = Files.list(folder)) {
                        for (Path entry : entries.toList()) {
                            FileSystemUtils.deleteRecursively(entry);
                        }
                    }
                }
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(FAILED + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup into " + folder, e);
        } finally {
            writing.unlock();
        }
    }

    /** The finished backups under {@link #directory()}, newest first. */
    public List<BackupSummary> list() {
        List<BackupSummary> backups = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return backups;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path folder : folders) {
                if (Files.isRegularFile(folder.resolve(Manifest.FILE))) {
                    try {
                        backups.add(summary(folder, Manifest.read(folder)));
                    } catch (IllegalArgumentException e) {
                        // Not one of ours, or unreadable: not listed.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the backups in " + directory, e);
        }
        backups.sort(Comparator.comparing(BackupSummary::createdAt).reversed());
        return backups;
    }

    /** A backup holds password hashes and e-mail addresses: only the service's user may read it. */
    private static void ownerOnly(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own permissions apply.
        }
    }

    static BackupSummary summary(Path folder, Manifest manifest) {
        return new BackupSummary(
                folder.getFileName().toString(),
                folder,
                Instant.parse(manifest.createdAt()),
                manifest.schemaVersion(),
                manifest.rows("article"),
                manifest.rows("page"),
                manifest.rows("comment"),
                manifest.rows("image"),
                manifest.media().files(),
                manifest.media().bytes());
    }
}
