package news.broadsheet.article;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A story in any status with everything stored about it, for a whole-site export.
 *
 * @param url the story's address on the site (section path, date, slug) once it has a publication
 *     time, else null
 * @param authorIds the byline, in order
 * @param extraSectionIds sections the story appears in besides its primary one
 * @param corrections corrections and updates, oldest first
 */
public record ArchivedArticle(
        long id,
        String slug,
        String headline,
        String standfirst,
        String bodyMarkdown,
        String bodyHtml,
        long sectionId,
        List<Long> extraSectionIds,
        List<Long> authorIds,
        List<Tag> tags,
        ArticleStatus status,
        @Nullable Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant embargoUntil,
        @Nullable Instant expiresAt,
        boolean commentsOpen,
        @Nullable String seoTitle,
        @Nullable String seoDescription,
        @Nullable Long leadImageId,
        List<Correction> corrections,
        @Nullable String url) {}
