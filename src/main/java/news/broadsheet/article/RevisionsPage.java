package news.broadsheet.article;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
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

    /**
     * One line of a comparison: unchanged ("same"), "removed" or "added". Its HTML is escaped text
     * in which only the words that changed are marked, with {@code <del>} or {@code <ins>}.
     */
    public record DiffLine(String kind, String html) {}

    private static final DiffRowGenerator WORD_DIFF = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .mergeOriginalRevised(false)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    /**
     * A unified view: every line of the newer text, with removed lines inserted where they were.
     * A changed line appears twice, before and after, with its changed words marked.
     */
    public static List<DiffLine> diff(List<String> older, List<String> newer) {
        List<DiffLine> lines = new ArrayList<>();
        for (DiffRow row : WORD_DIFF.generateDiffRows(older, newer)) {
            switch (row.getTag()) {
                case EQUAL -> lines.add(new DiffLine("same", row.getNewLine()));
                case DELETE -> lines.add(new DiffLine("removed", row.getOldLine()));
                case INSERT -> lines.add(new DiffLine("added", row.getNewLine()));
                case CHANGE -> {
                    // Rows pair the old and new lines of a change; when one side has more lines, the other is empty.
                    if (!row.getOldLine().isEmpty()) {
                        lines.add(new DiffLine("removed", row.getOldLine()));
                    }
                    if (!row.getNewLine().isEmpty()) {
                        lines.add(new DiffLine("added", row.getNewLine()));
                    }
                }
            }
        }
        return lines;
    }
}
