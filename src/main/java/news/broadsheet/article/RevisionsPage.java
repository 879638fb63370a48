package news.broadsheet.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * A revision history, and optionally the difference between two revisions: the view model of the
 * revisions screen that stories and static pages share ({@code admin/article/revisions.jte}).
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

    public RevisionsPage withProblem(String message) {
        return new RevisionsPage(
                headline, editUrl, diffUrl, revisions, comparing, diff, canRestore, currentVersion, message);
    }

    /** One revision in the list. */
    public record Revision(int version, String savedBy, DisplayTime savedAt, String note, String restoreUrl) {}

    /** One line of a comparison: unchanged ("same"), "removed" or "added". */
    public record DiffLine(String kind, String text) {}

    /** A unified view: every line of the newer text, with removed lines inserted where they were. */
    public static List<DiffLine> diff(List<String> older, List<String> newer) {
        Patch<String> patch = DiffUtils.diff(older, newer);
        List<DiffLine> lines = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            for (; position < start; position++) {
                lines.add(new DiffLine("same", older.get(position)));
            }
            delta.getSource().getLines().forEach(l -> lines.add(new DiffLine("removed", l)));
            delta.getTarget().getLines().forEach(l -> lines.add(new DiffLine("added", l)));
            position = start + delta.getSource().size();
        }
        for (; position < older.size(); position++) {
            lines.add(new DiffLine("same", older.get(position)));
        }
        return lines;
    }
}
