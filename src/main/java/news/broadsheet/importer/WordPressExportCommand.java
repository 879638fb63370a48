package news.broadsheet.importer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import news.broadsheet.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar broadsheet.jar export-wordpress OUT.xml}: writes the whole site as a WordPress
 * export file without the web server. The file appears complete or not at all (it is written
 * beside the target and moved into place). Exit status 0 when done, 1 when the export failed, 2 for
 * a wrong command.
 */
@Component
public class WordPressExportCommand {

    public static final String NAME = "export-wordpress";

    public static final String USAGE = "usage: export-wordpress OUT.xml";

    /** Who the audit log names for exports from the command line. */
    static final Actor ACTOR = new Actor(null, "wordpress export (command line)");

    private final WordPressExporter exporter;
    private final ApplicationEventPublisher events;

    WordPressExportCommand(WordPressExporter exporter, ApplicationEventPublisher events) {
        this.exporter = exporter;
        this.events = events;
    }

    /**
     * Reads the arguments and checks the file can be written there, before anything starts.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static Path parse(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no output file given; " + USAGE);
        }
        if (args.size() > 1 || args.getFirst().startsWith("-")) {
            throw new IllegalArgumentException(
                    "unexpected argument " + args.get(args.size() > 1 ? 1 : 0) + "; " + USAGE);
        }
        Path file = Path.of(args.getFirst()).toAbsolutePath();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder: " + folder);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder; give a file name, such as site.xml");
        }
        if (!Files.isWritable(folder) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new IllegalArgumentException("cannot write " + file);
        }
        return file;
    }

    /** Writes the export to {@code file}, the summary on {@code out}; returns the exit status. */
    public int run(Path file, PrintStream out, PrintStream err) {
        Path folder = file.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(folder, "." + file.getFileName() + ".", ".part");
            WordPressExportSummary summary;
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
                summary = exporter.exportWithSummary(stream);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            events.publishEvent(new WordPressExported(ACTOR, "WordPress export " + file + ": " + summary.describe()));
            out.println("Wrote " + file + ": " + summary.describe() + ".");
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("export-wordpress: the export failed: " + e.getMessage() + "; " + file + " was not written");
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // The partial file is named as one; nothing else to do.
                }
            }
            return 1;
        }
    }
}
