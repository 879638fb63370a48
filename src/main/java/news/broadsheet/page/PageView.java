package news.broadsheet.page;

import java.time.Instant;

/** A live page as readers see it; {@code bodyHtml} is sanitised. */
public record PageView(
        long id,
        String slug,
        String title,
        String description,
        String bodyHtml,
        Instant publishedAt,
        Instant updatedAt,
        String url) {}
