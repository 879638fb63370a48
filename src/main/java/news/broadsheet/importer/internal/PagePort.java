package news.broadsheet.importer.internal;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where imported WordPress pages go: the page module, through {@link PagesPort}. */
public interface PagePort {

    /**
     * A WordPress page as the importer hands it over.
     *
     * @param markdown the body is Markdown (a Broadsheet export's own source), not HTML
     */
    record ImportedPage(
            String title,
            String slug,
            String bodyHtml,
            boolean published,
            @Nullable Instant publishedAt,
            Instant updatedAt,
            @Nullable String parentSlug,
            boolean markdown,
            String description,
            boolean inFooter,
            int footerPosition) {}

    /**
     * Creates the page.
     *
     * @return its id
     * @throws IllegalArgumentException with a reason, when the page cannot be made
     */
    long create(ImportedPage page, news.broadsheet.shared.Actor actor);

    /** What became of a page's content from a later export. */
    enum Update {
        /** The page took it: no one had edited it here since an import wrote it. */
        UPDATED,
        /** Nothing to bring: it says the same, or it was edited here and the export says what the last import brought. */
        UNCHANGED,
        /** Someone edited the page here and the export changed it too: theirs is kept. */
        EDITED_HERE,
        /** The page is gone (deleted since). */
        GONE
    }

    /**
     * Gives a page an earlier import created the title, description and body of the same page in a
     * later export, where no one has edited it here since an import wrote it; its address, footer
     * settings and status stay.
     *
     * @param dryRun decide and check as for real, and write nothing
     * @throws IllegalArgumentException with a reason, when the content cannot be a page
     */
    Update update(long pageId, ImportedPage page, news.broadsheet.shared.Actor actor, boolean dryRun);

    /**
     * Refuses a page {@link #create} would refuse for its content (a dry run asks), writing nothing.
     *
     * @throws IllegalArgumentException with a reason, when the content cannot be a page
     */
    void check(ImportedPage page);

    /** The page's current public address, when it is live. */
    Optional<String> url(long pageId);
}
