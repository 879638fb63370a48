package news.broadsheet.comment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON answer a page's script asked for (the comment form, reports, the desk), written straight
 * to the response by handlers that otherwise render a page.
 */
final class JsonAnswer {

    private JsonAnswer() {}

    /** Writes {@code body} as JSON with {@code status}; returns null, the "response handled" of a handler. */
    static <T> @Nullable T write(JsonMapper json, HttpServletResponse response, HttpStatus status, Object body) {
        response.setStatus(status.value());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            json.writeValue(response.getOutputStream(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
