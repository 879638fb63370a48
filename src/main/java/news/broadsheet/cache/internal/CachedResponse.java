package news.broadsheet.cache.internal;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rendered response as the cache keeps it: its headers as the application wrote them, its body in
 * each encoding, the strong validator of its bytes and the tags of what it shows. Marked stale, not
 * dropped, when something it shows changes: a stale copy is served only when rendering afresh fails.
 */
final class CachedResponse {

    /** A response header as written by the application. */
    record Header(String name, String value) {}

    final String key;
    final List<Header> headers;
    final byte[] identity;
    final byte @Nullable [] gzip;
    final byte @Nullable [] brotli;
    /** A hash of the identity bytes, without quotes or encoding suffix. */
    final String etag;

    final Set<String> tags;
    /** The application's own Cache-Control (icons, feeds), or null for the cache's default. */
    final @Nullable String cacheControl;
    /** When it was rendered, by the site's clock. */
    final long renderedAt;

    private volatile boolean stale;

    CachedResponse(
            String key,
            List<Header> headers,
            byte[] identity,
            byte @Nullable [] gzip,
            byte @Nullable [] brotli,
            String etag,
            Set<String> tags,
            @Nullable String cacheControl,
            long renderedAt) {
        this.key = key;
        this.headers = List.copyOf(headers);
        this.identity = identity;
        this.gzip = gzip;
        this.brotli = brotli;
        this.etag = etag;
        this.tags = Set.copyOf(tags);
        this.cacheControl = cacheControl;
        this.renderedAt = renderedAt;
    }

    /** The Content-Type it was rendered with, or null. */
    @Nullable
    String contentType() {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase("Content-Type")) {
                return header.value();
            }
        }
        return null;
    }

    boolean stale() {
        return stale;
    }

    void markStale() {
        stale = true;
    }

    boolean shows(Set<String> changed) {
        for (String tag : changed) {
            if (tags.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /** What the entry costs in memory, roughly: its bodies and a little for the rest. */
    int weight() {
        long bytes = identity.length
                + (gzip == null ? 0 : gzip.length)
                + (brotli == null ? 0 : brotli.length)
                + 64L * headers.size()
                + 16L * tags.size()
                + 256;
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
