package news.broadsheet.search;

/**
 * A place a reader may be looking for while typing a search.
 *
 * @param kind {@code story}, {@code section}, {@code author} or {@code tag}
 * @param label the headline or the name
 * @param url the page on this site
 */
public record SearchSuggestion(String kind, String label, String url) {}
