package news.broadsheet.article;

import gg.jte.Content;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lets a feature add to the article page without the article module knowing it: comments put
 * their count in the byline and their thread and form under the body. Contributors are asked in
 * {@link org.springframework.core.annotation.Order} order.
 */
public interface ArticlePageContributor {

    /** A short item for the line under the byline, or null for none. */
    default @Nullable Content byline(ArticleView article) {
        return null;
    }

    /**
     * A block under the article body, or null for none.
     *
     * @param query the page's query parameters (a notice to show, a comment being replied to)
     */
    default @Nullable Content afterBody(ArticleView article, Map<String, String> query) {
        return null;
    }
}
