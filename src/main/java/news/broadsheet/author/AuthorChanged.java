package news.broadsheet.author;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;

/** A byline was created, edited, retired, restored or merged; recorded by the audit log. */
public record AuthorChanged(Actor actor, String action, long authorId, String detail) implements AuditableEvent {

    @Override
    public String subjectType() {
        return "author";
    }

    @Override
    public Long subjectId() {
        return authorId;
    }
}
