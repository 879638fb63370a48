package news.broadsheet.article.web;

/** A link in a breadcrumb trail or a byline. */
public record Crumb(String name, String url) {}
