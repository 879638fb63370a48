package news.broadsheet.account;

import org.jspecify.annotations.Nullable;

/**
 * A newsroom account as the admin screens show it (never its password hash).
 *
 * @param hasPassword false until an invited user sets a password, and after an admin forces a reset
 */
public record Account(
        long id,
        String username,
        String displayName,
        String email,
        Role role,
        boolean enabled,
        @Nullable Long authorId,
        boolean hasPassword) {}
