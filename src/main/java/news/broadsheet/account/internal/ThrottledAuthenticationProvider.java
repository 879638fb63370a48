package news.broadsheet.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
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
 * Checks the sign-in throttle before the password, counts failures, and reports each sign-in and
 * failed attempt for the audit log.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    ThrottledAuthenticationProvider(
            AuthenticationProvider passwords, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String typed = authentication.getName().strip().toLowerCase(Locale.ROOT);
        String address = addressKey(authentication);
        if (!Text.fits(typed, 60)) {
            // No account has such a name; count it against the address only, and store none of it.
            throttle.recordFailure("", address);
            throw new BadCredentialsException("Wrong username or password");
        }
        String username = typed;
        Optional<Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            events.publishEvent(
                    new AccountEvent(new Actor(null, username), "account.sign-in-throttled", null, "Locked out"));
            throw new SignInThrottledException(locked.get());
        }
        try {
            Authentication result = passwords.authenticate(
                    new UsernamePasswordAuthenticationToken(username, authentication.getCredentials()));
            throttle.recordSuccess(username);
            if (result.getPrincipal() instanceof StaffPrincipal staff) {
                events.publishEvent(new AccountEvent(
                        new Actor(staff.accountId(), staff.getUsername()),
                        "account.signed-in",
                        staff.accountId(),
                        "Signed in"));
            }
            return result;
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            events.publishEvent(new AccountEvent(
                    new Actor(null, username), "account.sign-in-failed", null, "Wrong username or password"));
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String addressKey(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return "address:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
