package news.broadsheet.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400, any request whose query string holds a NUL character ({@code %00}): no
 * link has one, PostgreSQL stores none in text, and letting it reach a query turned into a 500
 * wherever a handler had no check of its own. Forms are left to their handlers, which refuse
 * control characters field by field with the input kept.
 */
class NulCharacterFilter extends OncePerRequestFilter {

    static final String MESSAGE =
            "The address contains a control character (NUL, %00), which no search or filter can hold.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!holdsNul(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith("/api/")) {
            EarlyProblem.write(response, 400, "about:blank", "Bad Request", MESSAGE);
            return;
        }
        response.sendError(400, MESSAGE);
    }

    private static boolean holdsNul(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && query.contains("%00");
    }
}
