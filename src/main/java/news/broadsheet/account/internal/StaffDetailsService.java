package news.broadsheet.account.internal;

import news.broadsheet.account.StaffPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads a newsroom account for signing in. */
@Component
class StaffDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    StaffDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findCredentials(username)
                .map(c -> new StaffPrincipal(
                        c.account().id(),
                        c.account().username(),
                        c.account().displayName(),
                        c.account().role(),
                        c.account().enabled(),
                        c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
