package news.broadsheet.article;

/**
 * Lets a feature add to the article page without the article module knowing it: comments put
 * their count under the byline and their thread and form under the body. Contributors are asked
 * in {@link org.springframework.core.annotation.Order} order.
 */
public interface ArticlePageContributor {

    ArticlePageContribution contribute(ArticlePageRequest request);
}
