package news.broadsheet.shared;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The browser policies every response carries, in one place: each Spring Security filter chain
 * sends them, and Tomcat's last-resort error page repeats them.
 */
public final class SecurityHeaders {

    /**
     * Pages carry no inline script, style or event handler, so the policy can forbid them; only this
     * site may frame its pages, so another cannot overlay them to trick a click.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'self'";

    /** Powerful browser features no page of a news site needs. */
    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private static final long ONE_YEAR_IN_SECONDS = 31_536_000;

    private SecurityHeaders() {}

    /**
     * Sends the policies on one filter chain. They are written before the request goes on, so that
     * what the chain answers itself (401, 403, a redirect to sign in) and error pages carry them too.
     * HSTS only goes with requests that arrived over TLS (directly, or through a proxy trusted by
     * {@code server.forward-headers-strategy}).
     *
     * @param privatePages whether every response is for one signed-in user: then no browser or
     *     proxy may keep a copy; public pages set their own caching
     */
    public static void applyTo(HeadersConfigurer<HttpSecurity> headers, boolean privatePages) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frames -> frames.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(ONE_YEAR_IN_SECONDS))
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                });
        if (!privatePages) {
            headers.cacheControl(cache -> cache.disable());
        }
    }
}
