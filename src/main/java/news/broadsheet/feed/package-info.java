/**
 * Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, each section (with the sections
 * below it), tag and author, and the approved comments of each story, at the addresses {@link
 * news.broadsheet.shared.FeedLinks} defines. Owns no tables; reads live stories through {@link
 * news.broadsheet.article.Articles} and approved comments through {@link
 * news.broadsheet.comment.Comments}, so nothing a reader may not see reaches a feed. Exposes
 * {@link news.broadsheet.feed.FeedSettings}. Publishes and listens to nothing.
 */
@NullMarked
package news.broadsheet.feed;

import org.jspecify.annotations.NullMarked;
