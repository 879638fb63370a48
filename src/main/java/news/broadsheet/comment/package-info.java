/**
 * Reader comments: posting, threading, moderation status and their part of the article page.
 * Owns the {@code comment} and {@code comment_hash_key} tables; exposes {@link
 * news.broadsheet.comment.Comments}; contributes to the article page through {@link
 * news.broadsheet.article.ArticlePageContributor}. The moderation desk arrives in its own issue.
 */
@NullMarked
package news.broadsheet.comment;

import org.jspecify.annotations.NullMarked;
