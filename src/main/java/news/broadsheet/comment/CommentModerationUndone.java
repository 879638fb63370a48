package news.broadsheet.comment;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;

/** A moderator undid a desk action on a comment; recorded by the audit log with the state restored. */
public record CommentModerationUndone(Actor actor, long commentId, String detail) implements AuditableEvent {

    @Override
    public String action() {
        return "comment.undo";
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
