package news.broadsheet.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import news.broadsheet.importer.internal.ProgressBar;
import news.broadsheet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar broadsheet.jar import-wordpress EXPORT.xml [--media DIR] [--dry-run]
 * [--create-accounts]}: imports an export without the web server, so it can run beside the site on
 * the same database. Exit status 0 when done, 1 when the import failed, 2 for a wrong command.
 */
@Component
public class WordPressImportCommand {

    public static final String NAME = "import-wordpress";

    public static final String USAGE =
            "usage: import-wordpress EXPORT.xml [--media DIR] [--dry-run] [--create-accounts]";

    /** Who the audit log names for imports from the command line. */
    static final Actor ACTOR = new Actor(null, "wordpress import (command line)");

    /** The command's own arguments. */
    public record Arguments(Path file, @Nullable Path media, boolean dryRun, boolean createAccounts) {}

    private final WordPressImporter importer;

    WordPressImportCommand(WordPressImporter importer) {
        this.importer = importer;
    }

    /**
     * Reads the arguments and checks the files exist, before anything starts.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static Arguments parse(List<String> args) {
        Path file = null;
        Path media = null;
        boolean dryRun = false;
        boolean accounts = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--create-accounts" -> accounts = true;
                case "--media" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--media needs a folder; " + USAGE);
                    }
                    media = Path.of(args.get(++i));
                }
                default -> {
                    if (arg.startsWith("--media=")) {
                        media = Path.of(arg.substring("--media=".length()));
                    } else if (arg.startsWith("-") || file != null) {
                        throw new IllegalArgumentException("unexpected argument " + arg + "; " + USAGE);
                    } else {
                        file = Path.of(arg);
                    }
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("no export file given; " + USAGE);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        if (media != null && !Files.isDirectory(media)) {
            throw new IllegalArgumentException("no such media folder: " + media);
        }
        return new Arguments(file, media, dryRun, accounts);
    }

    /** Runs the import, the progress on {@code err} and the report on {@code out}; returns the exit status. */
    public int run(Arguments args, PrintStream out, PrintStream err, boolean terminal) {
        try {
            ImportReport report = importer.importFile(
                    args.file(),
                    new ImportOptions(args.media(), args.dryRun(), args.createAccounts()),
                    ACTOR,
                    new ProgressBar(err, terminal));
            out.print(report.toText());
            out.flush();
            return 0;
        } catch (MalformedExportException e) {
            err.println("import-wordpress: " + args.file() + " is malformed at line " + e.line() + ", column "
                    + e.column() + ": " + e.getMessage() + "; nothing was imported");
            return 1;
        } catch (NoSuchFileException e) {
            err.println("import-wordpress: no such file: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("import-wordpress: cannot read " + args.file() + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("import-wordpress: the import stopped: " + e
                    + " (what was imported before stays; running it again continues)");
            return 1;
        }
    }
}
