package news.broadsheet.article;

import gg.jte.Content;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one feature adds to an article page, rendered by its own templates.
 *
 * @param byline a short item for the line under the byline, or null
 * @param afterBody a block under the article body, or null
 * @param structuredData schema.org properties added to the page's {@code NewsArticle} JSON-LD
 *     (comments add {@code comment} and {@code commentCount}); values are strings, numbers,
 *     booleans, lists and maps
 */
public record ArticlePageContribution(
        @Nullable Content byline, @Nullable Content afterBody, Map<String, Object> structuredData) {

    public ArticlePageContribution(@Nullable Content byline, @Nullable Content afterBody) {
        this(byline, afterBody, Map.of());
    }
}
