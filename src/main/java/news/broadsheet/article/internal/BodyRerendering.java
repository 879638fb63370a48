package news.broadsheet.article.internal;

import java.time.Clock;
import java.util.List;
import news.broadsheet.article.ArticleChanged;
import news.broadsheet.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once per start, makes the stored HTML of story bodies saved before the body renderer last
 * changed ({@link ArticleBodyRenderer#VERSION}) again, so a fix to the renderer reaches every
 * story and not only those edited since: before version 2, a story with markup left open had the
 * rest of its text hidden until someone saved it again. Runs in the background so start-up does not
 * wait; when every body is current it is one query. Safe on several nodes at once: a body is
 * replaced only while it is still the one read, and a body that comes out the same is left alone.
 * Each changed story is announced ({@link ArticleChanged.Change#RERENDERED}), so cached pages
 * and the search index follow.
 */
@Component
class BodyRerendering {

    static final String KIND = "article";

    private static final Logger log = LoggerFactory.getLogger(BodyRerendering.class);
    private static final int BATCH = 200;

    private final BodyRenderingRepository bodies;
    private final ArticleBodyRenderer renderer;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BodyRerendering(
            BodyRenderingRepository bodies,
            ArticleBodyRenderer renderer,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.bodies = bodies;
        this.renderer = renderer;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofVirtual().name("body-rerendering").start(this::run);
    }

    void run() {
        try {
            int changed = rerenderStaleBodies();
            if (changed > 0) {
                log.info("Re-rendered the bodies of {} stories saved before this version of the renderer", changed);
            }
        } catch (RuntimeException e) {
            // The next start tries again; the stories show their stored HTML meanwhile.
            log.warn("Re-rendering older story bodies failed: {}", e.toString());
        }
    }

    /** Makes every body saved with an older renderer again; how many came out different. */
    int rerenderStaleBodies() {
        if (bodies.renderedWith(KIND) >= ArticleBodyRenderer.VERSION) {
            return 0;
        }
        int changed = 0;
        long after = 0;
        List<BodyRenderingRepository.StoredBody> batch;
        while (!(batch = bodies.after(after, BATCH)).isEmpty()) {
            for (BodyRenderingRepository.StoredBody body : batch) {
                String html = renderer.toHtml(body.markdown());
                if (!html.equals(body.html()) && replace(body, html)) {
                    changed++;
                }
            }
            after = batch.getLast().id();
        }
        bodies.recordRenderedWith(KIND, ArticleBodyRenderer.VERSION, clock.instant());
        return changed;
    }

    private boolean replace(BodyRenderingRepository.StoredBody body, String html) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!bodies.replaceHtml(body, html)) {
                return false;
            }
            events.publishEvent(new ArticleChanged(
                    Actor.SYSTEM,
                    ArticleChanged.Change.RERENDERED,
                    body.id(),
                    body.headline(),
                    "body made again by version " + ArticleBodyRenderer.VERSION + " of the renderer"));
            return true;
        }));
    }
}
