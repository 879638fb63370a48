package news.broadsheet.article.internal;

import java.time.Instant;
import news.broadsheet.article.ArticleStatus;
import org.jspecify.annotations.Nullable;

/** One row of the {@code article} table, before authors and sections are joined in. */
public record ArticleRow(
        long id,
        String slug,
        String headline,
        String standfirst,
        String bodyHtml,
        long sectionId,
        ArticleStatus status,
        @Nullable Instant publishedAt,
        Instant updatedAt,
        boolean commentsOpen,
        @Nullable Long leadImageId,
        @Nullable String seoTitle,
        @Nullable String seoDescription) {}
