package news.broadsheet.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import news.broadsheet.cache.PageCacheSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The kept responses of this node, by address, with what is being rendered right now.
 *
 * <p>Coalescing: the first request for a missing or stale address renders it; requests for the same
 * address that arrive meanwhile wait for that render instead of starting their own, so a hot page
 * invalidated under load is rendered once.
 *
 * <p>A render that started before an invalidation and ends after it may have read the old content:
 * its result is kept but marked stale at once when the invalidation touched its tags, so the next
 * request renders again. The last {@link #REMEMBERED_INVALIDATIONS} invalidations are remembered for
 * that check; a render older than all of them is taken as stale.
 */
@Component
class PageCache {

    static final int REMEMBERED_INVALIDATIONS = 4096;

    /** A render in progress: its future completes with the kept response, or null if it was not cacheable. */
    record Render(CompletableFuture<@Nullable CachedResponse> result, boolean leader, long startedAt) {}

    private record Invalidation(long seq, Set<String> tags) {}

    private final Cache<String, CachedResponse> responses;
    private final ConcurrentHashMap<String, Render> rendering = new ConcurrentHashMap<>();
    private final AtomicLong invalidationSeq = new AtomicLong();
    private final Deque<Invalidation> recent = new ArrayDeque<>();
    private final LongAdder renders = new LongAdder();

    PageCache(PageCacheSettings settings) {
        this.responses = Caffeine.newBuilder()
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((String key, CachedResponse response) -> response.weight())
                .build();
    }

    /** The kept response for an address, fresh or stale, or null. */
    @Nullable
    CachedResponse get(String key) {
        return responses.getIfPresent(key);
    }

    /**
     * Joins the render of an address in progress, or starts one: the caller is then its leader and
     * must {@link #finish} it.
     */
    Render begin(String key) {
        Render mine = new Render(new CompletableFuture<>(), true, invalidationSeq.get());
        Render current = rendering.putIfAbsent(key, mine);
        if (current != null) {
            return new Render(current.result(), false, current.startedAt());
        }
        renders.increment();
        return mine;
    }

    /** Ends a render begun as leader: keeps its response (if any) and hands it to those waiting. */
    void finish(String key, Render render, @Nullable CachedResponse response) {
        try {
            if (response != null) {
                if (invalidatedSince(render.startedAt(), response)) {
                    response.markSuperseded();
                }
                responses.put(key, response);
            }
        } finally {
            rendering.remove(key, render);
            render.result().complete(response);
        }
    }

    /** Marks superseded (stale, and never served in place of a failed render) every kept response that shows any of the tags. */
    void invalidate(Set<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        synchronized (recent) {
            recent.addLast(new Invalidation(invalidationSeq.incrementAndGet(), Set.copyOf(tags)));
            while (recent.size() > REMEMBERED_INVALIDATIONS) {
                recent.removeFirst();
            }
        }
        for (CachedResponse response : responses.asMap().values()) {
            if (response.shows(tags)) {
                response.markSuperseded();
            }
        }
    }

    /** Drops everything (a change whose reach is unknown). */
    void clear() {
        invalidationSeq.incrementAndGet();
        synchronized (recent) {
            recent.clear();
        }
        responses.invalidateAll();
    }

    /** How many renders were started as leader since start (for tests and the benchmark). */
    long renders() {
        return renders.sum();
    }

    long size() {
        return responses.estimatedSize();
    }

    private boolean invalidatedSince(long startedAt, CachedResponse response) {
        if (invalidationSeq.get() == startedAt) {
            return false;
        }
        synchronized (recent) {
            Invalidation oldest = recent.peekFirst();
            if (oldest == null || oldest.seq() > startedAt + 1) {
                // Cleared, or the invalidations since the render began are no longer all remembered.
                return true;
            }
            for (Invalidation invalidation : recent) {
                if (invalidation.seq() > startedAt && response.shows(invalidation.tags())) {
                    return true;
                }
            }
        }
        return false;
    }
}
