package news.broadsheet.search.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import news.broadsheet.search.SearchSettings;
import org.springframework.stereotype.Component;

/**
 * This node's related-story ids per article, so an article page asks the index only when its
 * entry is missing or old. The indexer drops the entries of every story it applies a change to,
 * and every entry that lists one, on each node (each node's indexer follows the shared change
 * log); a story published since an entry was made shows up once the entry is older than
 * {@code broadsheet.search.related-max-age}.
 */
@Component
public class RelatedStoriesCache {

    private record Entry(List<Long> ids, long madeAtMillis) {}

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on with every drop, so an entry computed from the index before a change is not kept. */
    private final AtomicLong generation = new AtomicLong();

    private final long maxAgeMillis;
    private final int maxEntries;
    private final Clock clock;

    RelatedStoriesCache(SearchSettings settings, Clock clock) {
        this.maxAgeMillis = settings.relatedMaxAge().toMillis();
        this.maxEntries = Math.max(1, settings.relatedCacheEntries());
        this.clock = clock;
    }

    /** The cached ids for an article, or those the look-up finds (then kept). */
    public List<Long> idsFor(long articleId, Supplier<List<Long>> lookUp) {
        long now = clock.millis();
        Entry entry = entries.get(articleId);
        if (entry != null && isFresh(entry, now)) {
            return entry.ids();
        }
        long before = generation.get();
        List<Long> ids = List.copyOf(lookUp.get());
        if (maxAgeMillis > 0 && generation.get() == before) {
            if (entries.size() >= maxEntries) {
                evictSome(now);
            }
            entries.put(articleId, new Entry(ids, now));
            if (generation.get() != before) {
                // A change was applied meanwhile: the ids may predate it.
                entries.remove(articleId);
            }
        }
        return ids;
    }

    /** Drops the entries of these articles and every entry that lists one of them. */
    void forget(Collection<Long> changedArticleIds) {
        if (changedArticleIds.isEmpty()) {
            return;
        }
        generation.incrementAndGet();
        Set<Long> changed = Set.copyOf(changedArticleIds);
        entries.entrySet()
                .removeIf(e -> changed.contains(e.getKey())
                        || e.getValue().ids().stream().anyMatch(changed::contains));
    }

    /** Drops everything (a rebuilt index). */
    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    private boolean isFresh(Entry entry, long now) {
        // A clock set back counts as old too.
        long age = now - entry.madeAtMillis();
        return age >= 0 && age < maxAgeMillis;
    }

    /** Makes room: expired entries first, then any (a rough bound on memory, not an LRU). */
    private void evictSome(long now) {
        entries.values().removeIf(e -> !isFresh(e, now));
        Iterator<Long> keys = entries.keySet().iterator();
        while (entries.size() >= maxEntries && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
