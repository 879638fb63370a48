package news.broadsheet.audit.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/** The audit page: rows, filter choices, and the next page. */
public record AuditPage(
        List<Row> rows, List<Filter> filters, @Nullable String olderUrl) {

    /**
     * One entry as shown.
     *
     * @param subject what it happened to, named, or null when nothing names it (or it is gone)
     * @param subjectUrl the subject's admin page, or null
     */
    public record Row(
            DisplayTime at,
            String actor,
            String action,
            String detail,
            @Nullable String subject,
            @Nullable String subjectUrl) {}

    /** One filter choice. */
    public record Filter(String value, String label, boolean selected) {}
}
