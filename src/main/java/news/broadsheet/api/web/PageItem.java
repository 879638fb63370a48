package news.broadsheet.api.web;

/** A live static page in a list: everything but its body. Times are RFC 3339. */
public record PageItem(
        long id, String slug, String title, String description, String url, String publishedAt, String updatedAt) {}
