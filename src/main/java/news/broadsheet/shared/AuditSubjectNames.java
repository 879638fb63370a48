package news.broadsheet.shared;

import java.util.Collection;
import java.util.Map;

/**
 * Names the things one kind of audit entry is about, with the address of their admin page, so the
 * audit log can name and link them without depending on the features that own them.
 */
public interface AuditSubjectNames {

    /** The {@link AuditableEvent#subjectType()} this names, e.g. {@code article}. */
    String subjectType();

    /** The names and addresses of those of these ids that still exist. */
    Map<Long, Named> names(Collection<Long> ids);

    /** A subject's name and the address of its admin page. */
    record Named(String name, String url) {}
}
