package news.broadsheet.article;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A story written elsewhere (a WordPress export), taken in through the editorial workflow with its
 * own status and times. When its slug is taken, the first free {@code slug-2}, {@code slug-3}, ...
 * is used.
 *
 * @param publishedAt required unless the status is draft or in review
 * @param embargoUntil when an embargoed story may first be shown, or null
 * @param expiresAt when the story comes down by itself, or null
 * @param corrections corrections and update notes already published on it, oldest first
 */
public record ImportStory(
        EditArticle content,
        ArticleStatus status,
        @Nullable Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Long leadImageId,
        @Nullable Instant embargoUntil,
        @Nullable Instant expiresAt,
        List<Correction> corrections) {

    /** A story with no embargo, expiry or corrections. */
    public ImportStory(
            EditArticle content,
            ArticleStatus status,
            @Nullable Instant publishedAt,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Long leadImageId) {
        this(content, status, publishedAt, createdAt, updatedAt, leadImageId, null, null, List.of());
    }

    /**
     * A correction or update note carried by an imported story.
     *
     * @param kind {@code correction} or {@code update}
     */
    public record Correction(String kind, String text, Instant publishedAt) {}
}
