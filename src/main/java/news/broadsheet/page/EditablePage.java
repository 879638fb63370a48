package news.broadsheet.page;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A page of any status, as the newsroom sees it. */
public record EditablePage(
        long id,
        PageContent content,
        PageStatus status,
        @Nullable Instant publishedAt,
        Instant updatedAt,
        int version) {

    public String slug() {
        return content.slug();
    }

    public String title() {
        return content.title();
    }

    public String url() {
        return "/" + content.slug();
    }

    /** Whether readers can see it at this moment. */
    public boolean liveAt(Instant now) {
        return status == PageStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }
}
