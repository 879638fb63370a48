package news.broadsheet.api.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the database on every request; a
 * header with a missing, malformed, unknown, revoked or expired token is answered 401 at once.
 * Also holds request bodies to the API's size limit: at once by Content-Length, else while they are read.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /** Articles are at most 200,000 characters of Markdown; a megabyte leaves room for JSON escapes. */
    static final long MAX_BODY_BYTES = 1_048_576;

    private final ApiTokens tokens;
    private final ApiProblems problems;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, ApiProblems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            problems.write(request, response, 413, "Request bodies are limited to 1 MB.");
            return;
        }
        request = new BoundedRequest(request, MAX_BODY_BYTES);
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            problems.write(
                    request,
                    response,
                    401,
                    "Send a personal access token as \"Authorization: Bearer <token>\".",
                    null,
                    Map.of("WWW-Authenticate", "Bearer realm=\"broadsheet\", error=\"invalid_request\""));
            return;
        }
        Optional<ApiCaller> caller = tokens.authenticate(header.substring(7).strip());
        if (caller.isEmpty()) {
            problems.write(
                    request,
                    response,
                    401,
                    "The token is unknown, revoked or expired, or its account is disabled.",
                    null,
                    Map.of("WWW-Authenticate", "Bearer realm=\"broadsheet\", error=\"invalid_token\""));
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller.get(),
                null,
                caller.get().scopes().stream()
                        .map(scope -> new SimpleGrantedAuthority(ApiRoutes.authority(scope)))
                        .toList()));
        holder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            holder.clearContext();
        }
    }
}
