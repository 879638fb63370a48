package news.broadsheet.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A story as its editor sees it through the API, whatever its status; only for a token whose
 * user may edit it. {@code version} goes into the next update (or its If-Match header).
 */
public record DraftItem(
        long id,
        int version,
        String status,
        String slug,
        String headline,
        String standfirst,
        String body,
        long sectionId,
        List<String> tags,
        List<Long> authorIds,
        @Nullable String seoTitle,
        @Nullable String seoDescription,
        boolean commentsOpen,
        @Nullable String publishedAt,
        String updatedAt,
        DraftLinks links) {

    /** The draft itself, and its public address once it is live. */
    public record DraftLinks(String self, String publish, String published) {}
}
