package news.broadsheet.api.web;

/** Where to find a story in the API and on the site. */
public record ArticleLinks(String self, String comments, String html) {}
