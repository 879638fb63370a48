package news.broadsheet.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in newsroom user. Controllers receive it with {@code @AuthenticationPrincipal}; it is
 * kept in the (database-stored) session, so it carries no password.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private String passwordHash;

    public StaffPrincipal(
            long accountId, String username, String displayName, Role role, boolean enabled, String passwordHash) {
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** This user as the actor of an event. */
    public news.broadsheet.shared.Actor actor() {
        return new news.broadsheet.shared.Actor(accountId, displayName);
    }

    public boolean hasRole(Role... roles) {
        return List.of(roles).contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Called by Spring Security once the password has been checked. */
    @Override
    public void eraseCredentials() {
        passwordHash = "";
    }
}
