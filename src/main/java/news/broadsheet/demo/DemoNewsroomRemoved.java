package news.broadsheet.demo;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** An admin removed the demo newsroom; recorded by the audit log. */
public record DemoNewsroomRemoved(Actor actor, String detail) implements AuditableEvent {

    @Override
    public String action() {
        return "demo.removed";
    }

    @Override
    public String subjectType() {
        return "demo";
    }

    @Override
    public @Nullable Long subjectId() {
        return null;
    }
}
