package news.broadsheet.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling under {@code broadsheet.sign-in}: after {@code usernameLimit} failures for
 * one username from one client within {@code window}, sign-in with that username from that client
 * is locked for {@code lock}; after {@code addressLimit} failures from one client (any usernames),
 * that client is. No limit applies to an account alone.
 */
@ConfigurationProperties("broadsheet.sign-in")
public record SignInSettings(
        @DefaultValue("5") int usernameLimit,
        @DefaultValue("20") int addressLimit,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lock) {}
