package news.broadsheet.search;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * Editors added or removed synonyms or a pinned result; recorded by the audit log.
 *
 * @param action {@code search.synonyms-added}, {@code search.synonyms-removed}, {@code
 *     search.pin-added} or {@code search.pin-removed}
 * @param subjectId the synonym group or the pin
 */
public record SearchTermsChanged(
        Actor actor, String action, @Nullable Long subjectId, String detail) implements AuditableEvent {

    @Override
    public String subjectType() {
        return action.contains("pin") ? "search-pin" : "search-synonyms";
    }
}
