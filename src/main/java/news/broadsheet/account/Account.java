package news.broadsheet.account;

import org.jspecify.annotations.Nullable;

/** A newsroom account as the admin screens show it (never its password hash). */
public record Account(
        long id,
        String username,
        String displayName,
        String email,
        Role role,
        boolean enabled,
        @Nullable Long authorId) {}
