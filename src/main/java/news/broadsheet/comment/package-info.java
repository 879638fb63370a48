/**
 * Reader comments: posting, threading, moderation status and their part of the article page.
 * Owns the {@code comment} and {@code comment_hash_key} tables; exposes {@link
 * news.broadsheet.comment.Comments}; contributes to the article page through {@link
 * news.broadsheet.article.ArticlePageContributor}. The moderation desk ({@code /admin/comments})
 * acts on one comment or many, says what it did and undoes it (the previous states kept in the
 * moderator's session), and counts the pending queue beside its link through {@link
 * news.broadsheet.account.NavigationBadgeProvider}. Publishes {@link
 * news.broadsheet.comment.CommentModerated} and {@link news.broadsheet.comment.CommentModerationUndone}
 * for the audit log.
 */
@NullMarked
package news.broadsheet.comment;

import org.jspecify.annotations.NullMarked;
