package news.broadsheet.article;

import java.time.Instant;
import java.util.List;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import org.jspecify.annotations.Nullable;

/**
 * A live article as lists and other features see it.
 *
 * @param url the canonical address, carrying the section path and publication date
 * @param leadImageId the story's lead image in the media library, if it has one
 */
public record ArticleSummary(
        long id,
        String slug,
        String headline,
        String standfirst,
        Section section,
        List<Author> authors,
        Instant publishedAt,
        Instant updatedAt,
        boolean commentsOpen,
        String url,
        @Nullable Long leadImageId) {}
