package news.broadsheet.search;

/**
 * One value of a facet.
 *
 * @param value what the filter parameter takes (a section or author id, a year)
 * @param label what readers see (the section or author name, the year)
 * @param selected whether the search is already filtered by it
 */
public record FacetValue(String value, String label, long count, boolean selected) {}
