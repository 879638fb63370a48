package news.broadsheet.article.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A section, tag or author page: a heading, newest stories first, and a link to older ones.
 *
 * @param kind what the page lists, for its label ("Section", "Topic", "Author")
 * @param description the section's own description, shown under the heading, or null
 * @param pageDescription what the page's meta description tells search engines and link previews
 * @param olderUrl the next page, or null on the last page
 * @param newestUrl the first page, when this is a later page; null on the first page
 * @param subsections a section front's subsections, for its own navigation; empty elsewhere
 */
public record StoryListPage(
        String title,
        String kind,
        List<Crumb> trail,
        String heading,
        @Nullable String description,
        String pageDescription,
        List<StoryCard> stories,
        @Nullable String olderUrl,
        @Nullable String newestUrl,
        List<Crumb> subsections) {

    /** A list with no subsections: a tag or an author. */
    public StoryListPage(
            String title,
            String kind,
            List<Crumb> trail,
            String heading,
            @Nullable String description,
            String pageDescription,
            List<StoryCard> stories,
            @Nullable String olderUrl,
            @Nullable String newestUrl) {
        this(title, kind, trail, heading, description, pageDescription, stories, olderUrl, newestUrl, List.of());
    }
}
