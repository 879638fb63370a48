package news.broadsheet.article.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Tag management: every tag with its story count, rename and merge forms. */
public record TagsPage(
        List<Row> tags, @Nullable String notice, @Nullable String problem) {

    /** One tag. */
    public record Row(long id, String name, String slug, int stories, String url) {}
}
