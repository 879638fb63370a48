package news.broadsheet.audit.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/** The audit page: rows, filter choices, and the next page. */
public record AuditPage(
        List<Row> rows, List<Filter> filters, @Nullable String olderUrl) {

    /** One entry as shown. */
    public record Row(DisplayTime at, String actor, String action, String detail) {}

    /** One filter choice. */
    public record Filter(String value, String label, boolean selected) {}
}
