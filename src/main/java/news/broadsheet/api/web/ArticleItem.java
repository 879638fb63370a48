package news.broadsheet.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A live story in a list: everything but its body. Times are RFC 3339. */
public record ArticleItem(
        long id,
        String slug,
        String headline,
        String standfirst,
        String url,
        SectionRef section,
        List<AuthorItem> authors,
        String publishedAt,
        String updatedAt,
        boolean commentsOpen,
        @Nullable ImageItem leadImage,
        ArticleLinks links) {}
