package news.broadsheet.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of results.
 *
 * @param total how many stories match (all pages)
 * @param rebuilding true while the index is being built for the first time: there are no results yet
 * @param didYouMean the query with words no story has respelled as stories spell them; or null
 */
public record SearchResults(
        List<SearchHit> hits,
        long total,
        int page,
        int pageSize,
        List<Facet> facets,
        boolean rebuilding,
        @Nullable String didYouMean) {

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    public static SearchResults whileRebuilding(int page, int pageSize) {
        return new SearchResults(List.of(), 0, page, pageSize, List.of(), true, null);
    }
}
