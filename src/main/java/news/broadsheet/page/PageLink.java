package news.broadsheet.page;

import java.time.Instant;

/** A live page in a list (footer, sitemap, API), with its site path and latest change. */
public record PageLink(
        long id, String slug, String title, String description, String url, Instant publishedAt, Instant updatedAt) {

    public Instant lastModified() {
        return updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }
}
