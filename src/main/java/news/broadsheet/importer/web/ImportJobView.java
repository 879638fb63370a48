package news.broadsheet.importer.web;

import org.jspecify.annotations.Nullable;

/**
 * One import as the admin pages show it.
 *
 * @param finished the import is over (done or failed): the page stops refreshing
 * @param report the plain-text report, once done
 */
public record ImportJobView(
        long id,
        String url,
        String fileName,
        String state,
        boolean dryRun,
        long total,
        long done,
        int percent,
        String startedAt,
        boolean finished,
        @Nullable String error,
        @Nullable String report) {}
