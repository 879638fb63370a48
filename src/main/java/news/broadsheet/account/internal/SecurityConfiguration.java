package news.broadsheet.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import news.broadsheet.account.Role;
import news.broadsheet.shared.SecurityHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Who may reach which route. Staff routes ({@code /admin}, sign-in, sign-out) need a session and
 * a CSRF token on every form; public pages never create a session. Finer rules (a reporter may
 * not publish) are enforced where the action happens, on the server.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String EDITOR = Role.EDITOR.name();
    private static final String REPORTER = Role.REPORTER.name();
    private static final String MODERATOR = Role.MODERATOR.name();

    @Bean
    @Order(1)
    SecurityFilterChain staffRoutes(
            HttpSecurity http,
            StaffDetailsService details,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            ApplicationEventPublisher events)
            throws Exception {
        DaoAuthenticationProvider checkPassword = new DaoAuthenticationProvider(details);
        checkPassword.setPasswordEncoder(passwords);
        // The only way to sign in: no parent manager that a throttled attempt could fall back to.
        ProviderManager signIn =
                new ProviderManager(new ThrottledAuthenticationProvider(checkPassword, throttle, events));
        http.securityMatcher("/admin", "/admin/**", "/login", "/login/**", "/logout")
                .authorizeHttpRequests(routes -> routes.requestMatchers("/login", "/login/**")
                        .permitAll()
                        .requestMatchers(
                                "/admin/users/**",
                                "/admin/audit/**",
                                "/admin/demo/**",
                                "/admin/backup",
                                "/admin/backup/**",
                                "/admin/import",
                                "/admin/import/**")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                "/admin/sections/**",
                                "/admin/tags/**",
                                "/admin/pages/**",
                                "/admin/authors/**",
                                "/admin/search/terms",
                                "/admin/search/terms/**")
                        .hasAnyRole(ADMIN, EDITOR)
                        .requestMatchers("/admin/articles/**", "/admin/media/**")
                        .hasAnyRole(ADMIN, EDITOR, REPORTER)
                        .requestMatchers("/admin/comments/**")
                        .hasAnyRole(ADMIN, EDITOR, MODERATOR)
                        .anyRequest()
                        .authenticated())
                .authenticationManager(signIn)
                .formLogin(login -> login.loginPage("/login")
                        .defaultSuccessUrl("/admin", false)
                        .failureHandler((request, response, exception) -> {
                            String typed = request.getParameter("username");
                            // Echo back only what could be a username: short, and nothing invisible.
                            String username =
                                    typed != null && news.broadsheet.shared.Text.fits(typed, 60) ? typed : null;
                            String reason =
                                    exception instanceof ThrottledAuthenticationProvider.SignInThrottledException t
                                            ? "throttled=" + t.minutes()
                                            : "error";
                            response.sendRedirect("/login?" + reason
                                    + (username == null
                                            ? ""
                                            : "&username="
                                                    + UriUtils.encodeQueryParam(
                                                            username, java.nio.charset.StandardCharsets.UTF_8)));
                        })
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(
                        (request, response, denied) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)))
                .headers(headers -> SecurityHeaders.applyTo(headers, true))
                // The token lives in a cookie, not in a session: a reader who only opens the sign-in
                // page gets no session (and no row in the session table); signing in makes one.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()))
                // The page to return to after signing in is kept in a cookie too, not a session.
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .addFilterAfter(new EagerCsrfToken(), CsrfFilter.class);
        return http.build();
    }

    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setCookieName("broadsheet_csrf");
        cookie.setCookieCustomizer(settings -> settings.sameSite("Lax").httpOnly(true));
        return cookie;
    }

    /**
     * Makes the staff routes' CSRF token (and with it the session that keeps it) before the page is
     * rendered. The token is deferred by default and made when a template first asks for it; by
     * then a long page (a masthead with hundreds of sections) may already have been flushed to the
     * client, and a session can no longer be created: the sign-in page answered 500.
     */
    static final class EagerCsrfToken extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                var unused = token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicRoutes(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(routes -> routes.anyRequest().permitAll())
                // Public forms (comments) sit on cacheable pages, so they carry no session token.
                // Cross-site posts are refused by the form handlers (Sec-Fetch-Site), and the
                // session cookie is SameSite=Lax, so another site cannot post as a signed-in user.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> SecurityHeaders.applyTo(headers, false));
        return http.build();
    }

    /**
     * Argon2id for new hashes; bcrypt hashes are still accepted. An account without a password
     * ({@link AccountRepository#NO_PASSWORD}) matches nothing, after as much work as a real check.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
        String unmatchable = argon2.encode(java.util.UUID.randomUUID().toString());
        encoder.setDefaultPasswordEncoderForMatches(new PasswordEncoder() {
            @Override
            public @Nullable String encode(@Nullable CharSequence rawPassword) {
                throw new UnsupportedOperationException("Only for checking passwords");
            }

            @Override
            public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
                argon2.matches(rawPassword, unmatchable);
                return false;
            }
        });
        return encoder;
    }

    /**
     * Encoded slashes and backslashes reach the application, which answers them with its own 404
     * page rather than the firewall's bare 400.
     */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowBackSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return web -> web.httpFirewall(firewall);
    }
}
