package news.broadsheet.api.web;

/** A live static page with its sanitised HTML body. Times are RFC 3339. */
public record PageDetail(
        long id,
        String slug,
        String title,
        String description,
        String url,
        String publishedAt,
        String updatedAt,
        String bodyHtml) {}
