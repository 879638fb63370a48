package news.broadsheet.api.web;

/** A person in a byline. */
public record AuthorItem(long id, String slug, String name, String url) {}
