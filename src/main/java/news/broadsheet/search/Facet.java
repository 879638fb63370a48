package news.broadsheet.search;

import java.util.List;

/**
 * Counts of the matching stories by one property.
 *
 * @param name {@code section}, {@code author} or {@code year}, also the filter's parameter name
 * @param estimated the counts were made on a random sample of the matches and scaled up (a search
 *     with many thousands of matches), so they are close, not exact
 */
public record Facet(String name, String label, List<FacetValue> values, boolean estimated) {}
