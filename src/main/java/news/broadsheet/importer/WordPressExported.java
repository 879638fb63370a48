package news.broadsheet.importer;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** Someone downloaded the whole site as a WordPress export file; recorded by the audit log. */
public record WordPressExported(Actor actor, String detail) implements AuditableEvent {

    @Override
    public String action() {
        return "site.exported";
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
