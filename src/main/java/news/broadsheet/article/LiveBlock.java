package news.broadsheet.article;

import java.time.Instant;

/**
 * A run of live stories in id order, as one sitemap file holds them.
 *
 * @param lastId the highest id in the run: the next run starts after it
 * @param count how many stories the run holds
 * @param lastModified the latest {@link ArticleLink#lastModified()} in the run
 */
public record LiveBlock(long lastId, int count, Instant lastModified) {}
