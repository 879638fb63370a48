package news.broadsheet.api.web;

import java.util.List;

/** A whole, unpaged list. */
public record ItemList<T>(List<T> items) {}
