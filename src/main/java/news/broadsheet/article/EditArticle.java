package news.broadsheet.article;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes an article's content through the editorial workflow, as the editor's form does (used by
 * the JSON API through {@link EditorialDesk}).
 *
 * @param slug the address word; blank means "make one from the headline"
 */
public record EditArticle(
        String headline,
        String standfirst,
        String bodyMarkdown,
        String slug,
        long sectionId,
        List<Long> extraSectionIds,
        List<String> tagNames,
        List<Long> authorIds,
        @Nullable String seoTitle,
        @Nullable String seoDescription,
        boolean commentsOpen) {}
