package news.broadsheet.article.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/** The editor's list of stories: filters, rows, and the next page. */
public record ArticleListPage(
        List<Row> rows,
        List<ArticleEditPage.Option> statuses,
        List<ArticleEditPage.Option> sections,
        List<ArticleEditPage.Option> authors,
        String text,
        @Nullable String nextUrl,
        boolean canWrite) {

    /** One story in the list. */
    public record Row(String headline, String editUrl, String status, String section, DisplayTime updatedAt) {}
}
