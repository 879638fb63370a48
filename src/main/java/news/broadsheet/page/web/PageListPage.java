package news.broadsheet.page.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/** Every page, for the newsroom. */
public record PageListPage(List<Row> rows, @Nullable String notice) {

    /** One page in the list. */
    public record Row(
            String title, String address, String status, String footer, DisplayTime updatedAt, String editUrl) {}
}
