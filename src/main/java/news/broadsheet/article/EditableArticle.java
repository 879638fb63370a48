package news.broadsheet.article;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An article, live or not, as a user allowed to edit it sees it: its content, state and version
 * (for optimistic locking). Never shown to readers.
 */
public record EditableArticle(
        long id,
        EditArticle content,
        ArticleStatus status,
        @Nullable Instant publishedAt,
        Instant updatedAt,
        @Nullable Instant embargoUntil,
        @Nullable Instant expiresAt,
        int version) {}
