package news.broadsheet.shared;

import org.jspecify.annotations.Nullable;

/**
 * An event the audit log records. Features publish their own event types implementing this; the
 * audit module listens for all of them without depending on the features.
 */
public interface AuditableEvent {

    Actor actor();

    /** What happened, as {@code <subject>.<verb>}, e.g. {@code article.published}. */
    String action();

    /** What kind of thing it happened to, e.g. {@code article}. */
    String subjectType();

    @Nullable
    Long subjectId();

    /** A short description for people reading the log. */
    String detail();
}
