package news.broadsheet.account;

/**
 * A newsroom account as the admin screens show it (never its password hash).
 *
 * <p>The byline an account writes as belongs to the author module ({@code Authors.byAccount}).
 *
 * @param hasPassword false until an invited user sets a password, and after an admin forces a reset
 */
public record Account(
        long id, String username, String displayName, String email, Role role, boolean enabled, boolean hasPassword) {}
