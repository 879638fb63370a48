package news.broadsheet.backup;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** Someone wrote a backup of the database and media files; recorded by the audit log. */
public record BackupWritten(Actor actor, String detail) implements AuditableEvent {

    @Override
    public String action() {
        return "site.backed-up";
    }

    @Override
    public String subjectType() {
        return "site";
    }

    @Override
    public @Nullable Long subjectId() {
        return null;
    }
}
