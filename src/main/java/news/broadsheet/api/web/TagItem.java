package news.broadsheet.api.web;

/** A topic label. */
public record TagItem(long id, String slug, String name, String url) {}
