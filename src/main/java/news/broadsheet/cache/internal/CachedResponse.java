package news.broadsheet.cache.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rendered response as the cache keeps it: its headers as the application wrote them, its body in
 * each encoding, the strong validator of its bytes and the tags of what it shows. Marked stale, not
 * dropped, when something it shows changes or it outlives its time: a copy that merely grew old is
 * served when rendering afresh fails (the database is down); one that a change superseded never is,
 * so a story taken down or corrected does not come back in its old form during an outage.
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
    /** The tags as they go out in {@code Surrogate-Key}, joined once rather than per request. */
    final String surrogateKey;
    /** Whether each header of {@link #headers} is the first of its name (set, not added, when served). */
    private final boolean[] firstOfName;
    /** The application's own Cache-Control (icons, feeds), or null for the cache's default. */
    final @Nullable String cacheControl;
    /** When it was rendered, by the site's clock. */
    final long renderedAt;

    private volatile boolean stale;
    private volatile boolean superseded;

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
        this.surrogateKey = String.join(" ", this.tags);
        this.firstOfName = new boolean[this.headers.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < firstOfName.length; i++) {
            firstOfName[i] = seen.add(this.headers.get(i).name().toLowerCase(Locale.ROOT));
        }
        this.cacheControl = cacheControl;
        this.renderedAt = renderedAt;
    }

    /** Whether the header at {@code index} of {@link #headers} is the first with its name. */
    boolean firstOfName(int index) {
        return firstOfName[index];
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

    /** Past its time: rendered again on the next request, but still the last good copy if that fails. */
    void markStale() {
        stale = true;
    }

    /** Something it shows changed: rendered again on the next request and never served again. */
    void markSuperseded() {
        superseded = true;
        stale = true;
    }

    /** Whether it may stand in for a render that failed: stale by age only, not by a change. */
    boolean servableOnError() {
        return !superseded;
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
