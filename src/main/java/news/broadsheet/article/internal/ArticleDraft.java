package news.broadsheet.article.internal;

import java.time.Instant;
import java.util.List;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.EditArticle;
import org.jspecify.annotations.Nullable;

/**
 * An article as the editor sees it: every editable field, its state and its version.
 *
 * @param bylineAccountIds the newsroom accounts that write as its bylines (who may work on it)
 */
public record ArticleDraft(
        long id,
        String slug,
        String headline,
        String standfirst,
        String bodyMarkdown,
        long sectionId,
        List<Long> extraSectionIds,
        List<String> tagNames,
        List<Long> authorIds,
        @Nullable String seoTitle,
        @Nullable String seoDescription,
        boolean commentsOpen,
        ArticleStatus status,
        @Nullable Instant publishedAt,
        Instant updatedAt,
        @Nullable Instant embargoUntil,
        @Nullable Instant expiresAt,
        @Nullable Long createdBy,
        List<Long> bylineAccountIds,
        @Nullable Long leadImageId,
        int version) {

    /** What the editor's form shows of it, everything a save changes. */
    public EditArticle content() {
        return new EditArticle(
                headline,
                standfirst,
                bodyMarkdown,
                slug,
                sectionId,
                extraSectionIds,
                tagNames,
                authorIds,
                seoTitle,
                seoDescription,
                commentsOpen);
    }
}
