package news.broadsheet.article.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import news.broadsheet.article.StoredBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once per start, makes the stored HTML of bodies saved before the body renderer last changed
 * ({@link ArticleBodyRenderer#VERSION}) again, for every kind of {@link StoredBodies} (stories,
 * pages), so a fix to the renderer reaches bodies no one edits: before version 2, a story with
 * markup left open had the rest of its text hidden until someone saved it again. Runs in the
 * background so start-up does not wait; when every kind is current it is one query per kind. Safe
 * on several nodes at once: a body is replaced only while it is still the one read, and a body
 * that comes out the same is left alone. Each changed body is announced, so cached pages and the
 * search index follow.
 */
@Component
class BodyRerendering {

    private static final Logger log = LoggerFactory.getLogger(BodyRerendering.class);
    /** Bodies read at once: a page's can be 200,000 characters. */
    private static final int BATCH = 50;
    /**
     * The pause after a batch that changed bodies: each change purges cached pages on every node
     * (and the CDN) and is indexed again, so on an old site where most bodies change the work is
     * spread out (100,000 stories: about half an hour) rather than done in one burst.
     */
    private static final Duration PAUSE = Duration.ofMillis(1_000);

    private final BodyRenderingRepository versions;
    private final List<StoredBodies> kinds;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BodyRerendering(
            BodyRenderingRepository versions, List<StoredBodies> kinds, TransactionTemplate transactions, Clock clock) {
        this.versions = versions;
        this.kinds = List.copyOf(kinds);
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofVirtual().name("body-rerendering").start(this::run);
    }

    void run() {
        for (StoredBodies kind : kinds) {
            try {
                int changed = rerenderStaleBodies(kind);
                if (changed > 0) {
                    log.info("Made {} {} bodies saved before this version of the renderer again", changed, kind.kind());
                }
            } catch (RuntimeException e) {
                // The next start tries again; the bodies show their stored HTML meanwhile.
                log.warn("Making older {} bodies again failed: {}", kind.kind(), e.toString());
            }
        }
    }

    /** Makes every body of this kind saved with an older renderer again; how many came out different. */
    int rerenderStaleBodies(StoredBodies kind) {
        if (versions.renderedWith(kind.kind()) >= ArticleBodyRenderer.VERSION) {
            return 0;
        }
        int changed = 0;
        int failed = 0;
        long after = 0;
        List<StoredBodies.StoredBody> batch;
        while (!(batch = kind.after(after, BATCH)).isEmpty()) {
            int changedBefore = changed;
            for (StoredBodies.StoredBody body : batch) {
                try {
                    String html = kind.render(body);
                    if (!html.equals(body.html())
                            && Boolean.TRUE.equals(transactions.execute(status -> kind.replace(body, html)))) {
                        changed++;
                    }
                } catch (RuntimeException e) {
                    // One body that cannot be made again does not hold up the others.
                    failed++;
                    log.warn("Could not make the {} body #{} again: {}", kind.kind(), body.id(), e.toString());
                }
            }
            after = batch.getLast().id();
            if (changed > changedBefore) {
                pause();
            }
        }
        if (failed == 0) {
            versions.recordRenderedWith(kind.kind(), ArticleBodyRenderer.VERSION, clock.instant());
        } else {
            log.warn("{} {} bodies could not be made again; the next start tries them again", failed, kind.kind());
        }
        return changed;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making bodies again", e);
        }
    }
}
