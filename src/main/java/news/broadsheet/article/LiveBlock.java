package news.broadsheet.article;

import java.time.Instant;

/**
 * A fixed range of story ids holding live stories, as one article sitemap file lists them.
 *
 * @param firstId the lowest id of the range
 * @param lastId the highest id of the range
 * @param count how many live stories the range holds (at least one)
 * @param lastChanged the latest {@link ArticleLink#lastModified()} in the range, or a later moment
 *     at which a story of the range came out or came down
 */
public record LiveBlock(long firstId, long lastId, int count, Instant lastChanged) {}
