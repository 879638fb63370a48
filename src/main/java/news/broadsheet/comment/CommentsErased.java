package news.broadsheet.comment;

import java.util.Set;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * A reader erased their comments after confirming their e-mail address; the audit log records the
 * count (never the address), and the stories' cached comment blocks are renewed.
 */
public record CommentsErased(int count, Set<Long> articleIds) implements AuditableEvent {

    @Override
    public Actor actor() {
        return new Actor(null, "reader");
    }

    @Override
    public String action() {
        return "comment.erased_by_author";
    }

    @Override
    public String subjectType() {
        return "comment";
    }

    @Override
    public @Nullable Long subjectId() {
        return null;
    }

    @Override
    public String detail() {
        return "A reader erased " + count + (count == 1 ? " comment" : " comments") + " on " + articleIds.size()
                + (articleIds.size() == 1 ? " story" : " stories") + " after confirming their e-mail address";
    }
}
