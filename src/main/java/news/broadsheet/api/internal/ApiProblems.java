package news.broadsheet.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details ({@code application/problem+json}) straight to the response, whatever the
 * request's Accept header says, from filters, the fallback route and the exception handler alike.
 */
@Component
public class ApiProblems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The kinds of problem, each explained on the documentation page under {@code #problem-<slug>}. */
    public static final Map<Integer, String> TYPES = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(412, "precondition-failed"),
            Map.entry(413, "content-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "validation-failed"),
            Map.entry(428, "precondition-required"),
            Map.entry(429, "too-many-requests"),
            Map.entry(500, "server-error"));

    private final JsonMapper json;
    private final SiteSettings site;

    ApiProblems(JsonMapper json, SiteSettings site) {
        this.json = json;
        this.site = site;
    }

    public Problem problem(
            HttpServletRequest request, int status, String detail, @Nullable List<Problem.FieldError> errors) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String slug = TYPES.getOrDefault(status, "server-error");
        return new Problem(
                site.absolute("/api/v1/docs#problem-" + slug), title, status, detail, request.getRequestURI(), errors);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        write(request, response, status, detail, null, Map.of());
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String detail,
            @Nullable List<Problem.FieldError> errors,
            Map<String, String> headers)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        headers.forEach(response::setHeader);
        if (status == 401 && response.getHeader("WWW-Authenticate") == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"broadsheet\"");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = json.writeValueAsBytes(problem(request, status, detail, errors));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
