package news.broadsheet.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling under {@code broadsheet.sign-in}: after {@code usernameLimit} failures for
 * one username, or {@code addressLimit} from one client address, within {@code window}, sign-in
 * is locked for {@code lock}.
 */
@ConfigurationProperties("broadsheet.sign-in")
public record SignInSettings(
        @DefaultValue("5") int usernameLimit,
        @DefaultValue("20") int addressLimit,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lock) {}
