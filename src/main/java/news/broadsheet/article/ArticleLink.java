package news.broadsheet.article;

import java.time.Instant;

/**
 * A live story's address and times, without byline or body: what sitemaps list.
 *
 * @param url the canonical site path, carrying the section path and publication date
 */
public record ArticleLink(long id, String headline, String url, Instant publishedAt, Instant updatedAt) {

    /** When the story last changed for readers: its update, or its publication if that came later. */
    public Instant lastModified() {
        return updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }
}
