package news.broadsheet.api;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;

/**
 * A personal access token was created or revoked. Recorded by the audit log.
 *
 * @param action {@code api-token.created} or {@code api-token.revoked}
 */
public record ApiTokenChanged(Actor actor, String action, long tokenId, String detail) implements AuditableEvent {

    public static final String CREATED = "api-token.created";
    public static final String REVOKED = "api-token.revoked";

    @Override
    public String subjectType() {
        return "api-token";
    }

    @Override
    public Long subjectId() {
        return tokenId;
    }
}
