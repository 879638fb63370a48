package news.broadsheet.article.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * A story's revision history, and optionally the difference between two revisions.
 *
 * @param diff the lines of the comparison, or empty when none was asked for
 */
public record RevisionsPage(
        String headline,
        String editUrl,
        String diffUrl,
        List<Revision> revisions,
        @Nullable String comparing,
        List<DiffLine> diff,
        boolean canRestore,
        int currentVersion,
        @Nullable String problem) {

    RevisionsPage withProblem(String message) {
        return new RevisionsPage(
                headline, editUrl, diffUrl, revisions, comparing, diff, canRestore, currentVersion, message);
    }

    /** One revision in the list. */
    public record Revision(int version, String savedBy, DisplayTime savedAt, String note, String restoreUrl) {}

    /** One line of a comparison: unchanged, removed or added. */
    public record DiffLine(String kind, String text) {}
}
