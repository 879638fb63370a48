package news.broadsheet.cache.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import news.broadsheet.cache.PageCacheSettings;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.Digests;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves anonymous readers' GET and HEAD requests from the {@link PageCache}, ahead of every other
 * filter (security, sessions), and keeps what the application renders for them when the response
 * says what it shows ({@link CacheTags}). Every cacheable response gets a strong ETag (answered with
 * 304), {@code Cache-Control} for browsers and CDNs, {@code Vary: Accept-Encoding} and {@code
 * Surrogate-Key}; the body goes out in Brotli, gzip or as it is, as the reader accepts.
 *
 * <p>Requests with a session cookie or credentials (staff, API clients with a token) are never
 * served from the cache nor kept, and neither is a response that sets a cookie, is not a 200, or is
 * marked private.
 */
class PageCacheFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PageCacheFilter.class);

    /** Paths the cache never looks at: the newsroom, sign-in, files with their own caching. */
    private static final List<String> UNCACHED_PREFIXES =
            List.of("/admin", "/login", "/logout", "/assets/", "/media/", "/api/v1/search", "/search");

    private static final int MAX_KEY_LENGTH = 1024;
    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final long FOLLOWER_WAIT_SECONDS = 10;
    /** Response headers the cache writes itself, or that belong to one response only. */
    private static final Set<String> OWN_HEADERS = Set.of(
            "content-length",
            "content-encoding",
            "transfer-encoding",
            "etag",
            "cache-control",
            "vary",
            "surrogate-key",
            "date",
            "expires",
            "pragma");

    private final PageCache cache;
    private final PageCacheSettings settings;
    private final ScheduledVisibility visibility;
    private final String sessionCookie;
    private final String cacheControl;
    private final Clock clock;

    PageCacheFilter(
            PageCache cache,
            PageCacheSettings settings,
            ScheduledVisibility visibility,
            String sessionCookie,
            Clock clock) {
        this.clock = clock;
        this.cache = cache;
        this.settings = settings;
        this.visibility = visibility;
        this.sessionCookie = sessionCookie;
        this.cacheControl = settings.cacheControl();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!settings.enabled()) {
            return true;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String path = request.getRequestURI();
        for (String prefix : UNCACHED_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return request.getHeader("Authorization") != null
                || request.getHeader("Range") != null
                || hasSessionCookie(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        CachedResponse kept = lookUp(key);
        if (kept != null && !acceptable(request.getHeader("Accept"), kept.contentType())) {
            // The reader asks for another representation: the application answers (406, or another type).
            chain.doFilter(request, response);
            return;
        }
        if (kept != null && !kept.stale()) {
            serve(kept, "HIT", request, response);
            return;
        }
        if ("HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            PageCache.Render render = cache.begin(key);
            if (render.leader()) {
                renderAndKeep(key, render, kept, request, response, chain);
                return;
            }
            CachedResponse rendered = awaitOther(render);
            if (rendered == null) {
                break;
            }
            if (!rendered.stale()) {
                serve(rendered, "HIT", request, response);
                return;
            }
            // Rendered from content that changed meanwhile: render (or wait) again.
        }
        renderOrFallBack(kept, request, response, chain);
    }

    /**
     * Renders without keeping (the render this request waited for kept nothing), still falling
     * back on the last good copy when rendering fails.
     */
    private void renderOrFallBack(
            @Nullable CachedResponse kept, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (kept == null || !kept.servableOnError()) {
            chain.doFilter(request, response);
            return;
        }
        ServerErrorHeld held = new ServerErrorHeld(response);
        try {
            chain.doFilter(request, held);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!fallBack(kept, e.toString(), request, response)) {
                throw e;
            }
            return;
        }
        if (held.error() != 0 && !fallBack(kept, "a " + held.error() + " response", request, response)) {
            held.sendHeldError();
        }
    }

    /**
     * Serves the request from a fresh kept copy if there is one, as {@link PageCacheValve} asks before
     * the servlet container's filters run; false leaves the request to them (and to this filter).
     */
    boolean serveIfFresh(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (shouldNotFilter(request)) {
            return false;
        }
        String key = key(request);
        CachedResponse kept = key == null ? null : lookUp(key);
        if (kept == null || kept.stale() || !acceptable(request.getHeader("Accept"), kept.contentType())) {
            return false;
        }
        serve(kept, "HIT", request, response);
        return true;
    }

    /** The kept copy for a key, marked stale first when it has outlived {@code keep-for}. */
    private @Nullable CachedResponse lookUp(String key) {
        visibility.invalidateDue();
        CachedResponse kept = cache.get(key);
        if (kept != null
                && clock.millis() - kept.renderedAt > settings.keepFor().toMillis()) {
            kept.markStale();
        }
        return kept;
    }

    private void renderAndKeep(
            String key,
            PageCache.Render render,
            @Nullable CachedResponse previous,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        // With a copy to fall back on, a server error sent inside (a database that is down, answered
        // 503 by the database filter) is held rather than sent, so the copy can be served instead.
        ServerErrorHeld held = previous != null && previous.servableOnError() ? new ServerErrorHeld(captured) : null;
        CachedResponse kept = null;
        try {
            try {
                chain.doFilter(request, held != null ? held : captured);
            } catch (IOException | ServletException | RuntimeException e) {
                if (previous != null && fallBack(previous, e.toString(), request, response)) {
                    return;
                }
                throw e;
            }
            if (held != null && held.error() != 0) {
                if (fallBack(previous, "a " + held.error() + " response", request, response)) {
                    return;
                }
                held.sendHeldError();
                captured.copyBodyToResponse();
                return;
            }
            kept = keepable(key, request, captured);
            if (kept == null
                    && captured.getStatus() >= 500
                    && previous != null
                    && fallBack(previous, "a " + captured.getStatus() + " response", request, response)) {
                return;
            }
        } finally {
            cache.finish(key, render, kept);
        }
        if (kept == null) {
            captured.copyBodyToResponse();
        } else {
            serve(kept, "MISS", request, response);
        }
    }

    /**
     * Serves the last good copy in place of a render that failed, unless a change has superseded it
     * since (checked now, not when the render began) or the failed response is already on its way.
     */
    private boolean fallBack(
            CachedResponse previous, String failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!previous.servableOnError() || response.isCommitted()) {
            return false;
        }
        log.warn("Serving the last good copy of {} after {}", previous.key, failure);
        // What the failed render wrote (Retry-After, its status, its body) goes; the copy has its own headers.
        response.reset();
        serve(previous, "STALE", request, response);
        return true;
    }

    /**
     * Holds a 5xx sent with {@code sendError} instead of passing it on (which would start the error
     * page and keep anything else from being written), so the caller may answer otherwise.
     */
    private static final class ServerErrorHeld extends HttpServletResponseWrapper {

        private int error;
        private @Nullable String message;

        ServerErrorHeld(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, @Nullable String message) throws IOException {
            if (status < 500 || isCommitted()) {
                if (message == null) {
                    super.sendError(status);
                } else {
                    super.sendError(status, message);
                }
                return;
            }
            this.error = status;
            this.message = message;
        }

        @Override
        public int getStatus() {
            return error != 0 ? error : super.getStatus();
        }

        /** The 5xx held, or 0. */
        int error() {
            return error;
        }

        /** Sends the error held after all, when there is nothing to serve in its place. */
        void sendHeldError() throws IOException {
            if (message == null) {
                super.sendError(error);
            } else {
                super.sendError(error, message);
            }
        }
    }

    private @Nullable CachedResponse awaitOther(PageCache.Render render) throws IOException {
        try {
            return render.result().get(FOLLOWER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for a render", e);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** The response as the cache keeps it, or null when it must not be kept. */
    private @Nullable CachedResponse keepable(
            String key, HttpServletRequest request, ContentCachingResponseWrapper captured) {
        if (captured.getStatus() != HttpServletResponse.SC_OK) {
            return null;
        }
        Set<String> tags = tags(request);
        if (tags.isEmpty() || captured.getHeader("Set-Cookie") != null) {
            return null;
        }
        String control = captured.getHeader("Cache-Control");
        if (control != null && (control.contains("no-store") || control.contains("private"))) {
            return null;
        }
        String type = captured.getContentType();
        if (type == null || !textual(type)) {
            // Images and other files have their own long-lived caching and gain nothing from compression.
            return null;
        }
        byte[] body = captured.getContentAsByteArray();
        if (body.length > MAX_BODY) {
            return null;
        }
        List<CachedResponse.Header> headers = new ArrayList<>();
        for (String name : captured.getHeaderNames()) {
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : captured.getHeaders(name)) {
                    headers.add(new CachedResponse.Header(name, value));
                }
            }
        }
        if (captured.getContentType() != null && captured.getHeader("Content-Type") == null) {
            headers.add(new CachedResponse.Header("Content-Type", captured.getContentType()));
        }
        return new CachedResponse(
                key,
                headers,
                body,
                Compression.gzip(body),
                Compression.brotli(body),
                etag(body),
                tags,
                control != null && control.contains("max-age") ? control : null,
                clock.millis());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> tags(HttpServletRequest request) {
        Object tags = request.getAttribute(CacheTags.requestAttribute());
        return tags instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    /** Writes a kept response; {@code state} (HIT, MISS, STALE) goes out in {@code X-Cache}. */
    private void serve(CachedResponse kept, String state, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (int i = 0; i < kept.headers.size(); i++) {
            CachedResponse.Header header = kept.headers.get(i);
            if (kept.firstOfName(i)) {
                response.setHeader(header.name(), header.value());
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
        String encoding = encoding(request.getHeader("Accept-Encoding"), kept);
        byte[] body = switch (encoding) {
            case "br" -> kept.brotli;
            case "gzip" -> kept.gzip;
            default -> kept.identity;
        };
        String etag = "\"" + kept.etag + (encoding.equals("identity") ? "" : "-" + encoding) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", kept.cacheControl != null ? kept.cacheControl : cacheControl);
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("Surrogate-Key", kept.surrogateKey);
        response.setHeader("X-Cache", state);
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null
                ? notModified(ifNoneMatch, kept.etag)
                : notModifiedSince(ifModifiedSince(request), kept)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        if (!encoding.equals("identity")) {
            response.setHeader("Content-Encoding", encoding);
        }
        response.setContentLength(body == null ? 0 : body.length);
        if (body != null && !"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean textual(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml");
    }

    /** Whether a request's Accept header takes the kept response's type (no header takes anything). */
    static boolean acceptable(@Nullable String accept, @Nullable String contentType) {
        if (accept == null || accept.isBlank() || contentType == null) {
            return true;
        }
        try {
            MediaType kept = MediaType.parseMediaType(contentType);
            for (MediaType wanted : MediaType.parseMediaTypes(accept)) {
                if (wanted.getQualityValue() > 0 && wanted.includes(kept)) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The best encoding the reader accepts and the response has: br, gzip or identity. */
    static String encoding(@Nullable String acceptEncoding, CachedResponse kept) {
        if (acceptEncoding == null) {
            return "identity";
        }
        boolean br = false;
        boolean gzip = false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean refused =
                    pieces.length > 1 && pieces[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
            if (refused) {
                continue;
            }
            br |= coding.equals("br");
            gzip |= coding.equals("gzip") || coding.equals("x-gzip");
        }
        if (br && kept.brotli != null) {
            return "br";
        }
        if (gzip && kept.gzip != null) {
            return "gzip";
        }
        return "identity";
    }

    /**
     * The If-Modified-Since time, or -1 when none is sent or it is not a date: RFC 9110 (13.1.3) has
     * an invalid one ignored, where Tomcat's {@code getDateHeader} throws.
     */
    private static long ifModifiedSince(HttpServletRequest request) {
        try {
            return request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException notADate) {
            return -1;
        }
    }

    /** For readers that send only If-Modified-Since (RFC 9110: ignored when If-None-Match is sent). */
    private static boolean notModifiedSince(long ifModifiedSince, CachedResponse kept) {
        if (ifModifiedSince < 0) {
            return false;
        }
        for (CachedResponse.Header header : kept.headers) {
            if (header.name().equalsIgnoreCase("Last-Modified")) {
                try {
                    long modified = java.time.ZonedDateTime.parse(
                                    header.value(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant()
                            .toEpochMilli();
                    return modified <= ifModifiedSince;
                } catch (java.time.format.DateTimeParseException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Whether {@code If-None-Match} names this response, in any of its encodings (RFC 9110, weak comparison). */
    static boolean notModified(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            int suffix = tag.lastIndexOf('-');
            if (tag.equals(etag) || (suffix > 0 && tag.substring(0, suffix).equals(etag))) {
                return true;
            }
        }
        return false;
    }

    private @Nullable String key(HttpServletRequest request) {
        String query = request.getQueryString();
        String key = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        return key.length() > MAX_KEY_LENGTH ? null : key;
    }

    private boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(sessionCookie)) {
                return true;
            }
        }
        return false;
    }

    static String etag(byte[] body) {
        return Digests.ofContent(body);
    }
}
