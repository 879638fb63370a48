package news.broadsheet.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import news.broadsheet.shared.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how fast one client (an IPv6 client by its /64) may search and read the API, before any
 * work is done: a token bucket per client and kind ({@link RateLimits}, shared by every node on
 * PostgreSQL), refilled steadily, with a burst of a third of a minute's allowance. Over it, 429 with
 * Retry-After and the site's words (a problem for the API). Cached pages are answered before this
 * filter and are never limited.
 */
class RateLimitFilter extends OncePerRequestFilter {

    /** What is limited, and how many a minute one client may have (0: no limit). */
    enum Kind {
        SEARCH,
        SUGGEST,
        API
    }

    private final RateLimits limits;
    private final RateLimits.Limit search;
    private final RateLimits.Limit suggest;
    private final RateLimits.Limit api;

    RateLimitFilter(RateLimits limits, int searchPerMinute, int suggestPerMinute, int apiPerMinute) {
        this.limits = limits;
        this.search = RateLimits.Limit.perMinute("search", searchPerMinute);
        this.suggest = RateLimits.Limit.perMinute("suggest", suggestPerMinute);
        this.api = RateLimits.Limit.perMinute("api", apiPerMinute);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kind(request);
        RateLimits.@Nullable Limit limit = kind == null ? null : limit(kind);
        Duration wait = limit == null ? Duration.ZERO : limits.take(limit, request.getRemoteAddr());
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.toSeconds() + 1);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setHeader("Cache-Control", "no-store");
        if (kind == Kind.API) {
            EarlyProblem.write(
                    response,
                    429,
                    "/api/v1/docs#problem-too-many-requests",
                    "Too Many Requests",
                    "Too many requests from your address: try again in " + seconds + " s.");
            return;
        }
        response.sendError(429);
    }

    private RateLimits.Limit limit(Kind kind) {
        return switch (kind) {
            case SEARCH -> search;
            case SUGGEST -> suggest;
            case API -> api;
        };
    }

    private static @Nullable Kind kind(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals("/search")) {
            return Kind.SEARCH;
        }
        if (path.equals("/search/suggest")) {
            return Kind.SUGGEST;
        }
        if (path.startsWith("/api/")) {
            return Kind.API;
        }
        return null;
    }
}
