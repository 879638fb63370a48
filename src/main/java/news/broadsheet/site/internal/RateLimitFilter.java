package news.broadsheet.site.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import news.broadsheet.shared.ClientAddress;
import news.broadsheet.shared.SecurityHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how fast one client (an IPv6 client by its /64) may search and read the API, before any
 * work is done: a token bucket per client and kind, refilled steadily, with a burst of a third of a
 * minute's allowance. Over it, 429 with Retry-After and the site's words (a problem for the API).
 * Cached pages are answered before this filter and are never limited. The buckets are this node's
 * own: behind a load balancer a client may get up to the limit from each node.
 */
class RateLimitFilter extends OncePerRequestFilter {

    /** What is limited, and how many a minute one client may have (0: no limit). */
    enum Kind {
        SEARCH,
        SUGGEST,
        API
    }

    private final int searchPerMinute;
    private final int suggestPerMinute;
    private final int apiPerMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RateLimitFilter(int searchPerMinute, int suggestPerMinute, int apiPerMinute) {
        this.searchPerMinute = searchPerMinute;
        this.suggestPerMinute = suggestPerMinute;
        this.apiPerMinute = apiPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kind(request);
        int perMinute = kind == null ? 0 : limit(kind);
        if (perMinute <= 0) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.get(
                kind + " " + ClientAddress.key(request.getRemoteAddr()),
                key -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(Math.max(1, perMinute / 3))
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds =
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setHeader("Cache-Control", "no-store");
        if (kind == Kind.API) {
            // Before the security chain: the policies it would send are set here.
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
            response.setStatus(429);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.getWriter()
                    .write("{\"type\":\"/api/v1/docs#problem-too-many-requests\",\"title\":\"Too Many Requests\","
                            + "\"status\":429,\"detail\":\"Too many requests from your address: try again in "
                            + seconds + " s.\"}");
            return;
        }
        response.sendError(429);
    }

    private int limit(Kind kind) {
        return switch (kind) {
            case SEARCH -> searchPerMinute;
            case SUGGEST -> suggestPerMinute;
            case API -> apiPerMinute;
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
