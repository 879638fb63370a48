package news.broadsheet.page;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;

/**
 * Something happened to a page: created, saved, published, unpublished, restored, deleted. Published in the
 * change's transaction; the audit log records it, and a page cache or search can follow it.
 */
public record PageChanged(Actor actor, Change change, long pageId, String slug, String detail)
        implements AuditableEvent {

    /** What happened. */
    public enum Change {
        CREATED("page.created"),
        SAVED("page.saved"),
        PUBLISHED("page.published"),
        UNPUBLISHED("page.unpublished"),
        RESTORED("page.restored"),
        DELETED("page.deleted"),
        /** Its stored HTML was made again by a newer version of the body renderer; the text is unchanged. */
        RERENDERED("page.rerendered");

        private final String action;

        Change(String action) {
            this.action = action;
        }
    }

    @Override
    public String action() {
        return change.action;
    }

    @Override
    public String subjectType() {
        return "page";
    }

    @Override
    public Long subjectId() {
        return pageId;
    }
}
