package news.broadsheet.api.web;

/** A person who writes for the publication, with their biography. */
public record AuthorDetail(long id, String slug, String name, String bio, String url) {}
