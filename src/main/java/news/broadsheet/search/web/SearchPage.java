package news.broadsheet.search.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The search page as its template shows it; every address is ready to use.
 *
 * @param problem why the search could not be run, shown above the form, or null
 * @param rebuilding the index is being built: say so politely instead of showing results
 * @param summary e.g. "12 stories match", or null before a search
 * @param didYouMean the query with words no story has respelled as stories spell them, or null
 * @param didYouMeanUrl the search for it, with the same filters
 * @param named sections, authors and tags whose name is in the search, for readers without the
 *     suggestions shown as they type
 */
public record SearchPage(
        String title,
        String query,
        @Nullable String from,
        @Nullable String to,
        List<Hidden> hidden,
        @Nullable String problem,
        boolean rebuilding,
        boolean searched,
        @Nullable String summary,
        @Nullable String didYouMean,
        @Nullable String didYouMeanUrl,
        List<Named> named,
        List<Hit> hits,
        List<FacetGroup> facets,
        @Nullable String relevanceUrl,
        @Nullable String newestUrl,
        boolean newest,
        @Nullable String previousUrl,
        @Nullable String nextUrl,
        @Nullable String clearFiltersUrl) {

    /**
     * A section, author or tag named in the search, linked to its page.
     *
     * @param kind "Section", "Author" or "Tag"
     */
    public record Named(String kind, String label, String url) {}

    /** A filter kept when the form is sent again. */
    public record Hidden(String name, String value) {}

    /** One story found. */
    public record Hit(
            String headline,
            String url,
            String standfirst,
            String sectionName,
            String sectionUrl,
            String datetime,
            String dateLabel,
            String byline,
            String snippetHtml) {}

    /** A facet: its values link to the search narrowed by them, the selected one links back out. */
    public record FacetGroup(String label, List<FacetLink> values, boolean estimated) {}

    /** One value of a facet. */
    public record FacetLink(String label, long count, String url, boolean selected) {}
}
