package news.broadsheet.site.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import news.broadsheet.shared.SecurityHeaders;

/**
 * An API problem (RFC 9457) written by a filter that answers before the security chain runs, with
 * the policies that chain would have sent. Texts are the filters' own, never a client's.
 */
final class EarlyProblem {

    private EarlyProblem() {}

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter()
                .write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
