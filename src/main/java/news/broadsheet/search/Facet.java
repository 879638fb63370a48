package news.broadsheet.search;

import java.util.List;

/**
 * Counts of the matching stories by one property.
 *
 * @param name {@code section}, {@code author} or {@code year}, also the filter's parameter name
 */
public record Facet(String name, String label, List<FacetValue> values) {}
