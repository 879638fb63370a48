package news.broadsheet.audit;

import java.time.Clock;
import java.util.List;
import news.broadsheet.audit.internal.AuditRepository;
import news.broadsheet.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Records every auditable event, in the transaction of the change it describes, so a change and
 * its record are committed together or not at all.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener
    void record(AuditableEvent event) {
        repository.insert(
                clock.instant(),
                event.actor().accountId(),
                event.actor().name(),
                event.action(),
                event.subjectType(),
                event.subjectId(),
                event.detail());
    }

    /**
     * Newest entries first.
     *
     * @param actionPrefix only actions starting with this ("article." or "account.role"), or null
     * @param beforeId only entries older than this one (for paging), or null
     */
    public List<AuditEntry> newest(@Nullable String actionPrefix, @Nullable Long beforeId, int limit) {
        return repository.findNewest(actionPrefix, beforeId, limit);
    }
}
