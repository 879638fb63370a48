package news.broadsheet.cache.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import news.broadsheet.article.StoryVisibility;
import news.broadsheet.cache.SiteContentChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stories come out and come down at their minute by the clock alone (schedules, embargoes,
 * expiries), with no write to announce it. Before the cache answers, this checks whether such a
 * moment has passed since the last check and, if so, drops what those stories' changes concern. The
 * next moment is looked up once and kept; any story change makes it be looked up again.
 */
@Component
class ScheduledVisibility {

    private static final Logger log = LoggerFactory.getLogger(ScheduledVisibility.class);
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final StoryVisibility stories;
    private final PageCache cache;
    private final PurgeHook purge;
    private final Clock clock;

    /** The next moment a story's visibility changes, or {@link #UNKNOWN}. */
    private volatile long nextDue = UNKNOWN;

    private Instant checkedUpTo;

    ScheduledVisibility(StoryVisibility stories, PageCache cache, PurgeHook purge, Clock clock) {
        this.stories = stories;
        this.cache = cache;
        this.purge = purge;
        this.clock = clock;
        this.checkedUpTo = clock.instant();
    }

    /** Drops the responses about stories whose moment has come since the last call. */
    void invalidateDue() {
        if (clock.millis() < nextDue) {
            return;
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (now.toEpochMilli() < nextDue) {
                return;
            }
            try {
                if (now.isBefore(checkedUpTo)) {
                    // The clock went back (set by an operator or a test): what was kept may show the future.
                    cache.clear();
                } else if (now.isAfter(checkedUpTo)) {
                    Set<String> tags = new LinkedHashSet<>();
                    for (long id : stories.changingBetween(checkedUpTo, now)) {
                        tags.addAll(stories.cacheTags(id, true));
                    }
                    if (!tags.isEmpty()) {
                        cache.invalidate(tags);
                        purge.purge(tags);
                    }
                }
                checkedUpTo = now;
                nextDue =
                        stories.nextChangeAfter(now).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
            } catch (RuntimeException e) {
                // Left UNKNOWN, so the next request looks again; the cache still answers meanwhile.
                log.warn("Could not check scheduled story changes: {}", e.toString());
            }
        }
    }

    /** A story changed here or on another node: its times may have changed too. */
    @EventListener
    void contentChanged(SiteContentChanged change) {
        nextDue = UNKNOWN;
    }
}
