package news.broadsheet.importer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did: per kind, how many the file holds, how many were imported, how many were
 * there already from an earlier run (and of those, how many took this file's text), and how many
 * were skipped; every skipped item with its
 * reason (the first {@link #MAX_LISTED}); shortcodes left as text.
 */
public record ImportReport(
        String site,
        boolean dryRun,
        Map<String, Counts> counts,
        List<Skipped> skipped,
        long skippedNotListed,
        Map<String, Integer> unknownShortcodes,
        List<String> notes,
        Duration took) {

    public static final int MAX_LISTED = 1000;

    /** The kinds, in report order. */
    public static final List<String> KINDS =
            List.of("authors", "accounts", "sections", "tags", "images", "stories", "pages", "comments");

    /** How WordPress statuses become Broadsheet ones. */
    public static final String STATUS_MAPPING = """
            posts: publish -> published; future -> scheduled; draft -> draft; pending -> in review;
              private -> unpublished (kept, not shown); trash, auto-draft, inherit -> skipped
            comments: approved (1) -> approved; 0 -> pending; spam -> spam; trash -> rejected""";

    /**
     * One kind's counts.
     *
     * @param alreadyThere stored by an earlier run (matched by WordPress id or GUID)
     * @param updated of those, how many took this export's text (stories no one edited here since)
     */
    public record Counts(long inFile, long imported, long alreadyThere, long skipped, long updated) {

        public Counts(long inFile, long imported, long alreadyThere, long skipped) {
            this(inFile, imported, alreadyThere, skipped, 0);
        }
    }

    public record Skipped(String kind, String wpId, String title, String reason) {}

    public Counts count(String kind) {
        return counts.getOrDefault(kind, new Counts(0, 0, 0, 0, 0));
    }

    /** The report as the command line prints it. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Dry run (nothing written) of " : "Imported ")
                .append(site)
                .append(" in ")
                .append(String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0))
                .append("\n\n");
        out.append(String.format(
                Locale.ROOT,
                "%-10s %10s %10s %10s %12s %10s%n",
                "kind",
                "in file",
                dryRun ? "would add" : "imported",
                "already",
                dryRun ? "would update" : "updated",
                "skipped"));
        for (String kind : KINDS) {
            Counts c = count(kind);
            out.append(String.format(
                    Locale.ROOT,
                    "%-10s %10d %10d %10d %12d %10d%n",
                    kind,
                    c.inFile(),
                    c.imported(),
                    c.alreadyThere(),
                    c.updated(),
                    c.skipped()));
        }
        out.append("\nStatus mapping:\n").append(STATUS_MAPPING.indent(2));
        if (!unknownShortcodes.isEmpty()) {
            out.append("\nShortcodes kept as text:\n");
            unknownShortcodes.forEach((name, uses) ->
                    out.append("  [").append(name).append("] ").append(uses).append(uses == 1 ? " use\n" : " uses\n"));
        }
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n");
            notes.forEach(note -> out.append("  ").append(note).append('\n'));
        }
        if (!skipped.isEmpty()) {
            out.append("\nSkipped:\n");
            for (Skipped s : skipped) {
                out.append("  ")
                        .append(s.kind())
                        .append(' ')
                        .append(s.wpId())
                        .append(s.title().isBlank() ? "" : " \"" + s.title() + "\"")
                        .append(": ")
                        .append(s.reason())
                        .append('\n');
            }
            if (skippedNotListed > 0) {
                out.append("  ... and ").append(skippedNotListed).append(" more\n");
            }
        }
        return out.toString();
    }
}
