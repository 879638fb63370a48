package news.broadsheet.article;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The article page being rendered, as contributors see it.
 *
 * @param parameters the page's query parameters (a notice to show, a comment being replied to)
 */
public record ArticlePageRequest(ArticleView article, Map<String, String> parameters) {

    public @Nullable String parameter(String name) {
        return parameters.get(name);
    }
}
