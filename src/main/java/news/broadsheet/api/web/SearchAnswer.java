package news.broadsheet.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of search results.
 *
 * @param total how many live stories match, on all pages
 * @param items the stories on this page, best first (or newest first), each with a snippet
 * @param facets counts of all matching stories by section, author and year
 */
public record SearchAnswer(
        String query,
        long total,
        int page,
        int pageSize,
        List<Item> items,
        List<FacetItem> facets,
        Links links,
        @Nullable String didYouMean) {

    /**
     * A story found.
     *
     * @param snippetHtml a passage of the story, HTML-escaped, with the matched words in {@code <mark>}
     */
    public record Item(ArticleItem article, String snippetHtml) {}

    /** Counts by one property; {@code name} is also the filter parameter that narrows by it. */
    public record FacetItem(String name, String label, List<FacetValueItem> values, boolean estimated) {}

    /** One value of a facet: pass {@code value} as the facet's parameter to filter by it. */
    public record FacetValueItem(String value, String label, long count, boolean selected) {}

    /** The neighbouring result pages' full addresses, null at either end. */
    public record Links(@Nullable String previous, @Nullable String next) {}
}
