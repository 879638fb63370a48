package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/**
 * Pages reached through a link mailed to a reader, whose address holds the token that is their
 * only authority (unsubscribing, their own comments).
 */
final class TokenPages {

    private TokenPages() {}

    /** No cache keeps such a page, and no link from it sends its address (the token) on. */
    static void keepPrivate(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** A 404 with the template that says the link does not work, and what to do. */
    static String unknown(HttpServletResponse response, String template) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return template;
    }
}
