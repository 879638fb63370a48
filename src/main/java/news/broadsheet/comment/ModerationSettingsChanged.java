package news.broadsheet.comment;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** The desk's rules or a section's or story's comment policy changed; recorded by the audit log. */
public record ModerationSettingsChanged(
        Actor actor, String subjectType, @Nullable Long subjectId, String detail) implements AuditableEvent {

    @Override
    public String action() {
        return "comment.settings-changed";
    }
}
