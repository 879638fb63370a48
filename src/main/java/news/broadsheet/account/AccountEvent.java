package news.broadsheet.account;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to an account, for the audit log.
 *
 * @param actorId the account that did it, or null when nobody was signed in (a failed sign-in)
 * @param action what happened, e.g. {@code account.role-changed}
 * @param detail a short human-readable description
 */
public record AccountEvent(
        @Nullable Long actorId,
        String actorName,
        String action,
        @Nullable Long accountId,
        String detail) {}
