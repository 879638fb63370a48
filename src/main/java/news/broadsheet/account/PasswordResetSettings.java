package news.broadsheet.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of "forgot password" requests under {@code broadsheet.password-reset}: at most
 * {@code addressLimit} e-mails to one address and {@code clientLimit} requests from one client
 * address within {@code window}.
 */
@ConfigurationProperties("broadsheet.password-reset")
public record PasswordResetSettings(
        @DefaultValue("3") int addressLimit,
        @DefaultValue("10") int clientLimit,
        @DefaultValue("1h") Duration window) {}
