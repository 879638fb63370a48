package news.broadsheet.account;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to an account: created, role changed, disabled, signed in, a failed
 * sign-in. Recorded by the audit log.
 *
 * @param actor who did it; for a failed sign-in, the username that was tried, with no account id
 * @param action what happened, e.g. {@code account.role-changed}
 */
public record AccountEvent(
        Actor actor, String action, @Nullable Long accountId, String detail) implements AuditableEvent {

    @Override
    public String subjectType() {
        return "account";
    }

    @Override
    public @Nullable Long subjectId() {
        return accountId;
    }
}
