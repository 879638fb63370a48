package news.broadsheet.comment.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/** The moderation desk: queue tabs with counts, filters, one page of comments, and the next page. */
public record DeskPage(
        List<Tab> tabs,
        String queue,
        List<Option> sections,
        String articleFilter,
        List<Row> rows,
        List<String> rejectionReasons,
        @Nullable String olderUrl,
        @Nullable String notice,
        String returnUrl) {

    /** A queue tab. */
    public record Tab(String name, String label, int count, String url, boolean current) {}

    /** A section filter choice. */
    public record Option(long id, String label, boolean selected) {}

    /** One comment to decide on. */
    public record Row(
            long id,
            String author,
            @Nullable String email,
            String bodyHtml,
            DisplayTime postedAt,
            String headline,
            String articleEditUrl,
            @Nullable String parentExcerpt,
            int approvedBefore,
            int rejectedBefore,
            List<String> reasons,
            boolean featured,
            @Nullable String rejectionReason) {}
}
