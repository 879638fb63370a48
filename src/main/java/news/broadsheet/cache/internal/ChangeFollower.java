package news.broadsheet.cache.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.broadsheet.cache.SiteContentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the change log to this node's cache: changes made here right after they commit, changes
 * made on other nodes when it polls. Sequence numbers are handed out before commit, so on PostgreSQL
 * a lower one can become visible after a higher one: numbers skipped over are asked for again for
 * half a minute (after that they were rolled back).
 */
@Component
class ChangeFollower {

    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);

    static final long LATE_COMMIT_WINDOW_MILLIS = 30_000;
    private static final long RETENTION_MILLIS = 60 * 60 * 1000;
    private static final int BATCH = 1000;
    private static final int MAX_GAPS = 10_000;

    private final ChangeLog changeLog;
    private final PageCache cache;
    private final ApplicationEventPublisher events;
    private final ScheduledVisibility visibility;
    /** Sequence numbers skipped over, with until when they are looked for. */
    private final Map<Long, Long> gaps = new LinkedHashMap<>();

    private long lastSeq = -1;
    private boolean failing;
    private long lastPrune;

    ChangeFollower(
            ChangeLog changeLog, PageCache cache, ApplicationEventPublisher events, ScheduledVisibility visibility) {
        this.visibility = visibility;
        this.changeLog = changeLog;
        this.cache = cache;
        this.events = events;
    }

    /** Drops what the tags show on this node at once (a change made here, just committed). */
    void applyLocal(Set<String> tags) {
        apply(tags);
    }

    /**
     * Tells the features that keep their own copies first, then drops the pages: a render that
     * begins between the two reads the new content, and one that began before the pages were
     * dropped is caught by the cache (see {@link PageCache#finish}). The other way round, a page
     * rendered from a copy about to be dropped would be kept as current.
     */
    private void apply(Set<String> tags) {
        try {
            events.publishEvent(new SiteContentChanged(tags));
        } finally {
            cache.invalidate(tags);
        }
    }

    @Scheduled(fixedDelayString = "${broadsheet.cache.poll-interval:250ms}")
    synchronized void follow() {
        visibility.retryIfFailing();
        try {
            long now = changeLog.now();
            if (lastSeq < 0) {
                // The cache starts empty: nothing logged before now concerns it.
                lastSeq = changeLog.maxSeq();
                lastPrune = now;
                return;
            }
            Set<String> changed = new LinkedHashSet<>();
            List<ChangeLog.Entry> entries;
            do {
                entries = changeLog.after(lastSeq, BATCH);
                for (ChangeLog.Entry entry : entries) {
                    for (long skipped = lastSeq + 1; skipped < entry.seq() && gaps.size() < MAX_GAPS; skipped++) {
                        gaps.put(skipped, now + LATE_COMMIT_WINDOW_MILLIS);
                    }
                    changed.addAll(entry.tags());
                    lastSeq = entry.seq();
                }
            } while (entries.size() == BATCH);
            if (!gaps.isEmpty()) {
                for (ChangeLog.Entry late :
                        changeLog.withSeqs(gaps.keySet().stream().limit(1000).toList())) {
                    changed.addAll(late.tags());
                    gaps.remove(late.seq());
                }
                for (Iterator<Long> until = gaps.values().iterator(); until.hasNext(); ) {
                    if (until.next() < now) {
                        until.remove();
                    }
                }
            }
            if (!changed.isEmpty()) {
                apply(changed);
            }
            if (now - lastPrune > 60_000) {
                lastPrune = now;
                changeLog.prune(now - RETENTION_MILLIS);
            }
            if (failing) {
                failing = false;
                log.info("Following the page cache change log again");
            }
        } catch (RuntimeException e) {
            // The next poll tries again; until then this node's pages may be a poll interval late. One
            // line per outage, not four a second.
            if (!failing) {
                failing = true;
                log.warn("Could not follow the page cache change log (retrying every poll): {}", e.toString());
            }
        }
    }
}
