package news.broadsheet.article;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;

/** A tag was renamed or merged into another; recorded by the audit log. */
public record TagChanged(Actor actor, String action, long tagId, String detail) implements AuditableEvent {

    @Override
    public String subjectType() {
        return "tag";
    }

    @Override
    public Long subjectId() {
        return tagId;
    }
}
