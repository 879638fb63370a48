package news.broadsheet.article.web;

import gg.jte.Content;
import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * The article page: the section trail, headline, standfirst, byline and times, the sanitised
 * body, tags, and what other features contribute (comments).
 *
 * @param updatedAt shown only when the story changed after it was published
 */
public record ArticlePage(
        String headline,
        String standfirst,
        List<Crumb> trail,
        List<Crumb> authors,
        DisplayTime publishedAt,
        @Nullable DisplayTime updatedAt,
        @Nullable LeadImage image,
        String bodyHtml,
        List<Crumb> tags,
        List<Note> corrections,
        List<Content> bylineExtras,
        List<Content> afterBody) {

    /** A correction or update shown on the story. */
    public record Note(String label, String text, DisplayTime at) {}
}
