package news.broadsheet.search;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** Someone asked for the search index to be rebuilt; recorded by the audit log. */
public record SearchIndexRebuildRequested(Actor actor, String detail) implements AuditableEvent {

    @Override
    public String action() {
        return "search.rebuild-requested";
    }

    @Override
    public String subjectType() {
        return "search-index";
    }

    @Override
    public @Nullable Long subjectId() {
        return null;
    }
}
