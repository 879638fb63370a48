package news.broadsheet.article;

import java.util.List;
import news.broadsheet.section.Section;

/** Everything the article page shows about a live article. */
public record ArticleView(
        ArticleSummary summary, List<Section> trail, String bodyHtml, List<Tag> tags, List<Correction> corrections) {

    public long id() {
        return summary.id();
    }

    public String url() {
        return summary.url();
    }

    /** True once the story has been changed after it went out. */
    public boolean wasUpdated() {
        return summary.updatedAt().isAfter(summary.publishedAt());
    }
}
