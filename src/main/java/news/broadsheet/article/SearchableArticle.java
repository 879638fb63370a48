package news.broadsheet.article;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An article as the search index needs it, whatever its status: the search feature decides from
 * the status and times when it may be shown.
 *
 * @param bodyText the body as plain text (no markup)
 * @param publishedAt the publication time, null for drafts
 * @param embargoUntil the story is hidden until then, or null
 * @param expiresAt the story is hidden from then on, or null
 */
public record SearchableArticle(
        long id,
        String headline,
        String standfirst,
        String bodyText,
        long sectionId,
        List<Long> authorIds,
        ArticleStatus status,
        @Nullable Instant publishedAt,
        @Nullable Instant embargoUntil,
        @Nullable Instant expiresAt) {

    /** Published or scheduled with a time: may be shown once its time has come. */
    public boolean releasable() {
        return (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED) && publishedAt != null;
    }
}
