package news.broadsheet.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A story's fields as a client sends them to create or update it. On update every field left out
 * (or null) keeps its value.
 *
 * @param body the story's text, in Markdown
 * @param section the section's path ("world/europe"), instead of {@code sectionId}
 * @param authorSlugs the byline by author slugs, instead of (or as well as) {@code authorIds}
 * @param version on update, the version the change is based on (instead of an If-Match header)
 */
public record ArticleWrite(
        @Nullable String headline,
        @Nullable String standfirst,
        @Nullable String body,
        @Nullable String slug,
        @Nullable Long sectionId,
        @Nullable String section,
        @Nullable List<String> tags,
        @Nullable List<Long> authorIds,
        @Nullable List<String> authorSlugs,
        @Nullable String seoTitle,
        @Nullable String seoDescription,
        @Nullable Boolean commentsOpen,
        @Nullable Integer version) {}
