package news.broadsheet.article.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/** The editor's list of stories: filters, rows, and the next page. */
public record ArticleListPage(
        List<Row> rows,
        List<StatusOption> statuses,
        List<ArticleEditPage.Option> sections,
        List<ArticleEditPage.Option> authors,
        String text,
        @Nullable String nextUrl,
        boolean canWrite) {

    /** A status to filter by, named as in the database ("in_review"). */
    public record StatusOption(String value, String label, boolean selected) {}

    /** One story in the list. */
    public record Row(String headline, String editUrl, String status, String section, DisplayTime updatedAt) {}
}
