package news.broadsheet.site;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import news.broadsheet.cache.SiteContentChanged;
import news.broadsheet.page.PageChanged;
import news.broadsheet.page.PageLink;
import news.broadsheet.page.Pages;
import news.broadsheet.section.Section;
import news.broadsheet.section.SectionChanged;
import news.broadsheet.section.Sections;
import news.broadsheet.section.SectionsAltered;
import news.broadsheet.shared.CacheTags;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The top-level sections and the footer's pages, kept in memory so that pages do not query them on
 * every request. Forgotten once a section or page change has committed, and at every minute (a
 * page scheduled for the footer appears at its minute); {@link #forget()} is public for changes
 * that arrive from another node.
 */
@Component
public class PageChromeMemo {

    private static final Logger log = LoggerFactory.getLogger(PageChromeMemo.class);

    private record Snapshot(List<Section> topLevel, List<PageLink> footer, Instant validUntil) {}

    private final Sections sections;
    private final Pages pages;
    private final Clock clock;

    /** Moves on every forget, so a snapshot read before one is never kept after it. */
    private final AtomicLong generation = new AtomicLong();

    private volatile @Nullable Snapshot snapshot;

    /** Whether the last read failed, and when: pages then do without it for a few seconds. */
    private volatile boolean failing;

    private volatile long failedAt;

    private static final long RETRY_NANOS = 5_000_000_000L;

    PageChromeMemo(Sections sections, Pages pages, Clock clock) {
        this.sections = sections;
        this.pages = pages;
        this.clock = clock;
    }

    /** Top-level sections in their editorial order. */
    public List<Section> topLevelSections() {
        return current().topLevel();
    }

    /** The live pages marked for the footer, in their order. */
    public List<PageLink> footerPages() {
        return current().footer();
    }

    /** Drops what is held, so the next page reads sections and footer pages afresh. */
    public void forget() {
        generation.incrementAndGet();
        snapshot = null;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SectionChanged event) {
        forget();
    }

    /** Any change to the tree, also by importers, the demo loader and tests that use {@link Sections} directly. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SectionsAltered event) {
        forget();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PageChanged event) {
        forget();
    }

    /** A change made on another node, learnt through the page cache's change log. */
    @EventListener
    void on(SiteContentChanged event) {
        if (event.touches(CacheTags.NAVIGATION, CacheTags.FOOTER, CacheTags.PAGES)) {
            forget();
        }
    }

    private Snapshot current() {
        Instant now = clock.instant();
        Snapshot held = snapshot;
        if (held != null
                && now.isBefore(held.validUntil())
                && !now.isBefore(held.validUntil().minus(1, ChronoUnit.MINUTES))) {
            return held;
        }
        if (failing && System.nanoTime() - failedAt < RETRY_NANOS) {
            // The database failed a moment ago: no page (the error page least of all) waits for it again.
            return held != null ? held : new Snapshot(List.of(), List.of(), now);
        }
        long seen = generation.get();
        try {
            Snapshot fresh = new Snapshot(
                    sections.topLevel(),
                    pages.footer(),
                    now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
            if (generation.get() == seen) {
                snapshot = fresh;
            }
            failing = false;
            return fresh;
        } catch (RuntimeException e) {
            // The error page must still render when the database is what failed: the last navigation
            // read, if any, or none; asked for again after RETRY_NANOS.
            if (!failing) {
                log.warn("Section navigation and footer pages unavailable: {}", e.toString());
            }
            failedAt = System.nanoTime();
            failing = true;
            return held != null ? held : new Snapshot(List.of(), List.of(), now);
        }
    }
}
