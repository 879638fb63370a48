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

    /** The page's current public address, when it is live. */
    Optional<String> url(long pageId);
}
