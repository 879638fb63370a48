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
 * next moment is looked up once and kept; any story change makes it be looked up again. When a look
 * fails (the database is down), readers get what is kept without waiting and the change follower's
 * poll looks again; until it succeeds, a moment that passes meanwhile is not acted on.
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

    /** Whether the last look failed (the database was unreachable). */
    private volatile boolean failing;

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
        if (failing || clock.millis() < nextDue) {
            // While the database is unreachable, readers are served what is kept without waiting for a
            // connection: the change follower looks again in the background (retryIfFailing).
            return;
        }
        check();
    }

    /** Looks again after a look that failed; called by the change follower's poll, off the readers' threads. */
    void retryIfFailing() {
        if (failing) {
            check();
        }
    }

    private synchronized void check() {
        Instant now = clock.instant();
        if (!failing && now.toEpochMilli() < nextDue) {
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
            nextDue = stories.nextChangeAfter(now).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
            if (failing) {
                log.info("Checking scheduled story changes again");
            }
            failing = false;
        } catch (RuntimeException e) {
            // Looked for again from checkedUpTo, so no moment is missed; the cache still answers meanwhile.
            if (!failing) {
                log.warn("Could not check scheduled story changes: {}", e.toString());
            }
            failing = true;
        }
    }

    /** A story changed here or on another node: its times may have changed too. */
    @EventListener
    void contentChanged(SiteContentChanged change) {
        nextDue = UNKNOWN;
    }
}
