package news.broadsheet.comment;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;

/** A moderator acted on a comment; recorded by the audit log with the reason given. */
public record CommentModerated(Actor actor, ModerationAction moderation, long commentId, String detail)
        implements AuditableEvent {

    @Override
    public String action() {
        return moderation.auditAction();
    }

    @Override
    public String subjectType() {
        return "comment";
    }

    @Override
    public Long subjectId() {
        return commentId;
    }
}
