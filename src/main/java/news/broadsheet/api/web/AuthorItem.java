package news.broadsheet.api.web;

/** An author as a byline names them; {@code jobTitle} may be empty. */
public record AuthorItem(long id, String slug, String name, String jobTitle, String url) {}
