package news.broadsheet.article;

import gg.jte.Content;
import org.jspecify.annotations.Nullable;

/**
 * What one feature adds to an article page, rendered by its own templates.
 *
 * @param byline a short item for the line under the byline, or null
 * @param afterBody a block under the article body, or null
 */
public record ArticlePageContribution(
        @Nullable Content byline, @Nullable Content afterBody) {}
