package news.broadsheet.section;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;

/** A section was created, renamed or moved; recorded by the audit log. */
public record SectionChanged(Actor actor, String action, long sectionId, String detail) implements AuditableEvent {

    @Override
    public String subjectType() {
        return "section";
    }

    @Override
    public Long subjectId() {
        return sectionId;
    }
}
