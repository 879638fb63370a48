package news.broadsheet.account.internal;

import java.time.Duration;
import java.util.Locale;
import news.broadsheet.account.AccountEvent;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.shared.Actor;
import news.broadsheet.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Takes the attempt's places in the sign-in throttle (client first, then username from that
 * client) before any password is hashed, checks the password through the {@link PasswordCheckGate},
 * and reports each sign-in, each checked failure and each lock for the audit log; an attempt
 * turned away unchecked writes no audit row.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final PasswordCheckGate gate;
    private final ApplicationEventPublisher events;

    ThrottledAuthenticationProvider(
            AuthenticationProvider passwords,
            LoginThrottle throttle,
            PasswordCheckGate gate,
            ApplicationEventPublisher events) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.gate = gate;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String typed = authentication.getName().strip().toLowerCase(Locale.ROOT);
        String address = remoteAddress(authentication);
        LoginThrottle.Place client = throttle.takeForClient(address);
        if (client.refusedFor() instanceof Duration wait) {
            throw new SignInThrottledException(wait);
        }
        if (!Text.fits(typed, 60)) {
            // No account has such a name: a failure for the client only, and none of it is stored.
            throttle.failed(client);
            throw new BadCredentialsException("Wrong username or password");
        }
        String username = typed;
        LoginThrottle.Place account = throttle.takeForAccount(username, address);
        if (account.refusedFor() instanceof Duration wait) {
            throttle.giveBack(client);
            throw new SignInThrottledException(wait);
        }
        Authentication result;
        try {
            result = gate.check(() -> passwords.authenticate(
                    new UsernamePasswordAuthenticationToken(username, authentication.getCredentials())));
        } catch (SignInBusyException e) {
            throttle.giveBack(account);
            throttle.giveBack(client);
            throw e;
        } catch (AuthenticationException e) {
            failed(username, client, account);
            throw e;
        }
        throttle.forget(account);
        throttle.giveBack(client);
        if (result.getPrincipal() instanceof StaffPrincipal staff) {
            events.publishEvent(new AccountEvent(
                    new Actor(staff.accountId(), staff.getUsername()),
                    "account.signed-in",
                    staff.accountId(),
                    "Signed in"));
        }
        return result;
    }

    private void failed(String username, LoginThrottle.Place client, LoginThrottle.Place account) {
        events.publishEvent(new AccountEvent(
                new Actor(null, username), "account.sign-in-failed", null, "Wrong username or password"));
        if (throttle.failed(account)) {
            events.publishEvent(new AccountEvent(
                    new Actor(null, username),
                    "account.sign-in-locked",
                    null,
                    "Sign-in with this username from one client locked after " + account.limit() + " failures"));
        }
        if (throttle.failed(client)) {
            events.publishEvent(new AccountEvent(
                    new Actor(null, username),
                    "account.sign-in-locked",
                    null,
                    "Sign-in from one client locked after " + client.limit() + " failures"));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }

    /** Too many failed attempts: the message says how long to wait, and nothing about the account. */
    static final class SignInThrottledException extends AuthenticationException {

        private final Duration wait;

        SignInThrottledException(Duration wait) {
            super("Too many failed sign-in attempts");
            this.wait = wait;
        }

        long minutes() {
            return Math.max(1, (wait.toSeconds() + 59) / 60);
        }
    }
}
