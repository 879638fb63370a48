package news.broadsheet.article;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A story written elsewhere (a WordPress export), taken in through the editorial workflow with its
 * own status and times. When its slug is taken, the first free {@code slug-2}, {@code slug-3}, ...
 * is used.
 *
 * @param publishedAt required unless the status is draft or in review
 */
public record ImportStory(
        EditArticle content,
        ArticleStatus status,
        @Nullable Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Long leadImageId) {}
