package news.broadsheet.article;

import java.util.List;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Text;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Everything the article page shows about a live article.
 *
 * @param seoTitle the title for search engines and the browser tab, when it differs from the headline
 * @param seoDescription the description for search engines, when it differs from the standfirst
 */
public record ArticleView(
        ArticleSummary summary,
        List<Section> trail,
        String bodyHtml,
        List<Tag> tags,
        List<Correction> corrections,
        @Nullable String seoTitle,
        @Nullable String seoDescription) {

    public String pageTitle() {
        return seoTitle != null ? seoTitle : summary.headline();
    }

    /** The SEO description, else the standfirst, else the start of the body: never empty for a story with text. */
    public String pageDescription() {
        if (seoDescription != null && !seoDescription.isBlank()) {
            return seoDescription;
        }
        if (!summary.standfirst().isBlank()) {
            return summary.standfirst();
        }
        return Text.excerpt(Jsoup.parse(bodyHtml).text(), 160);
    }

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
