package news.broadsheet.article.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the due editorial work every thirty seconds and once at start-up (so work that came due
 * while no node was running is picked up). Readers never wait for it: visibility follows the clock
 * exactly; this moves statuses along and announces the changes. Safe on several nodes at once:
 * each transition happens once, on whichever node gets there first.
 */
@Component
class PublicationScheduler {

    private static final Logger log = LoggerFactory.getLogger(PublicationScheduler.class);

    private final ArticleWorkflow workflow;

    PublicationScheduler(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        run();
    }

    @Scheduled(
            fixedDelayString = "${broadsheet.scheduler.interval:30s}",
            initialDelayString = "${broadsheet.scheduler.interval:30s}")
    void run() {
        try {
            int done = workflow.runDue();
            if (done > 0) {
                log.info("Scheduler carried out {} due change(s)", done);
            }
        } catch (RuntimeException e) {
            // The next run tries again; nothing it does is lost by waiting.
            log.warn("Scheduler run failed: {}", e.toString());
        }
    }
}
