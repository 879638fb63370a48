package news.broadsheet.importer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import news.broadsheet.importer.ImportOptions;
import news.broadsheet.importer.ImportProgress;
import news.broadsheet.importer.ImportReport;
import news.broadsheet.importer.MalformedExportException;
import news.broadsheet.importer.WordPressImporter;
import news.broadsheet.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runs an uploaded export in the background (a virtual thread), keeping its progress and report in the database. */
@Service
public class ImportJobRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportJobRunner.class);

    private final WordPressImporter importer;
    private final ImportJobs jobs;
    private final Clock clock;

    ImportJobRunner(WordPressImporter importer, ImportJobs jobs, Clock clock) {
        this.importer = importer;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Starts importing the file (which the job deletes when done); returns the job's id. */
    public long start(Path upload, String fileName, ImportOptions options, Actor actor) {
        long id = jobs.create(
                fileName,
                options.dryRun(),
                options.createAccounts(),
                actor.accountId() == null ? 0 : actor.accountId(),
                clock.instant());
        Thread.ofVirtual().name("wordpress-import-" + id).start(() -> run(id, upload, options, actor));
        return id;
    }

    private void run(long id, Path upload, ImportOptions options, Actor actor) {
        long[] total = {0};
        long[] lastWrite = {0};
        ImportProgress progress = new ImportProgress() {
            @Override
            public void checking() {
                jobs.progress(id, "checking", 0, 0, clock.instant());
            }

            @Override
            public void started(long totalItems) {
                total[0] = totalItems;
                jobs.progress(id, "importing", totalItems, 0, clock.instant());
            }

            @Override
            public void advanced(long doneItems) {
                long now = System.nanoTime();
                if (now - lastWrite[0] > 500_000_000L || doneItems == total[0]) {
                    lastWrite[0] = now;
                    jobs.progress(id, "importing", total[0], doneItems, clock.instant());
                }
            }
        };
        try {
            ImportReport report = importer.importFile(upload, options, actor, progress);
            jobs.finish(id, null, report.toText(), clock.instant());
        } catch (MalformedExportException e) {
            jobs.finish(
                    id,
                    "The file was refused, nothing was imported: line " + e.line() + ", column " + e.column() + ": "
                            + e.getMessage(),
                    null,
                    clock.instant());
        } catch (IOException | RuntimeException e) {
            log.error("WordPress import {} failed", id, e);
            jobs.finish(
                    id,
                    "The import stopped: " + e.getMessage()
                            + ". What was imported before it stopped stays; running the same file again continues.",
                    null,
                    clock.instant());
        } finally {
            try {
                Files.deleteIfExists(upload);
            } catch (IOException e) {
                log.warn("Could not delete the uploaded export {}: {}", upload, e.toString());
            }
        }
    }
}
