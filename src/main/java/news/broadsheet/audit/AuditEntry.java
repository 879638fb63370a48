package news.broadsheet.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded event. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        @Nullable Long actorId,
        String actorName,
        String action,
        String subjectType,
        @Nullable Long subjectId,
        String detail) {}
