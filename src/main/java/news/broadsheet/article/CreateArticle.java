package news.broadsheet.article;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a new article. The body is Markdown; it is rendered and sanitised once, on write.
 *
 * @param publishedAt when the story goes (or went) out; required unless the status is draft
 * @param updatedAt the last substantive change; null means "same as published"
 */
public record CreateArticle(
        String slug,
        String headline,
        String standfirst,
        String bodyMarkdown,
        long sectionId,
        List<Long> authorIds,
        List<String> tagNames,
        ArticleStatus status,
        @Nullable Instant publishedAt,
        @Nullable Instant updatedAt,
        boolean commentsOpen) {}
