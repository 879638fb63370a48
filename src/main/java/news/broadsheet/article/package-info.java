/**
 * Articles: stories with their bodies, bylines, tags and public pages (home, section fronts,
 * article, tag and author pages). Owns the {@code article}, {@code article_author}, {@code tag},
 * {@code article_tag} and {@code article_retired_slug} tables; exposes {@link
 * news.broadsheet.article.Articles}, read models and the {@link
 * news.broadsheet.article.ArticlePageContributor} extension point through which later features
 * (comments, related stories) add to the article page without this module depending on them.
 * {@link news.broadsheet.article.SearchableArticles} reads articles of any status for the search
 * index; every change that readers could notice publishes {@link news.broadsheet.article.ArticleChanged}.
 */
@NullMarked
package news.broadsheet.article;

import org.jspecify.annotations.NullMarked;
