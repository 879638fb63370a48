package news.broadsheet.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.broadsheet.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar broadsheet.jar backup DIR}: writes a backup of the database and media files into
 * DIR (new or empty) beside the running site. Exit status 0 when written, 1 when it failed, 2 for a
 * wrong command.
 */
@Component
public class BackupCommand {

    public static final String NAME = "backup";

    public static final String USAGE = "usage: backup DIR (a new or empty folder)";

    /** Who the audit log names for backups from the command line. */
    static final Actor ACTOR = new Actor(null, "backup (command line)");

    private final Backups backups;

    BackupCommand(Backups backups) {
        this.backups = backups;
    }

    /**
     * Reads the arguments, before anything starts.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static Path parse(List<String> args) {
        if (args.size() != 1 || args.getFirst().startsWith("-")) {
            throw new IllegalArgumentException(args.isEmpty() ? "no folder given; " + USAGE : USAGE);
        }
        Path folder = Path.of(args.getFirst());
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is a file, not a folder");
        }
        return folder;
    }

    public int run(Path folder, PrintStream out, PrintStream err) {
        try {
            BackupSummary backup = backups.write(folder, ACTOR);
            out.println("Backup written to " + folder.toAbsolutePath() + " (schema version " + backup.schemaVersion()
                    + "): " + backup.stories() + " stories, " + backup.pages() + " pages, " + backup.comments()
                    + " comments, " + backup.images() + " images, " + backup.mediaFiles() + " media files ("
                    + backup.mediaBytes() + " bytes).");
            return 0;
        } catch (BackupRefusedException e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println(NAME + ": the backup failed: " + e.getMessage());
            return 1;
        }
    }
}
