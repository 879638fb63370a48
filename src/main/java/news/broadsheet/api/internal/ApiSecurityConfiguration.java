package news.broadsheet.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import news.broadsheet.shared.SecurityHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;

/**
 * Who may reach {@code /api/**}: reads are open to anyone (and to any origin), writes need a
 * personal access token. Stateless: no session is read or created, so a signed-in browser's
 * cookie gives no power here and CSRF protection is not needed. Ordered before the staff and
 * public chains of the account module.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain apiRoutes(HttpSecurity http, ApiTokens tokens, ApiProblems problems) throws Exception {
        http.securityMatcher("/api/**")
                // Routes that need a token, and which scope, are one table; reads are open and any
                // other method or address is left to routing, so it gets 405 or 404 with or without one.
                .authorizeHttpRequests(routes -> {
                    for (ApiRoutes.Rule rule : ApiRoutes.TOKEN_ROUTES) {
                        routes.requestMatchers(rule.method(), rule.pattern())
                                .hasAuthority(ApiRoutes.authority(rule.scope()));
                    }
                    routes.anyRequest().permitAll();
                })
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(login -> login.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .cors(cors -> cors.configurationSource(new ReadOnlyCors()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problems.write(
                                request,
                                response,
                                401,
                                "This request needs a personal access token: Authorization: Bearer <token>."))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                request,
                                response,
                                403,
                                "Your token does not allow this request: it lacks the scope the route needs,"
                                        + " or your role no longer allows that scope.")))
                .headers(headers -> SecurityHeaders.applyTo(headers, false));
        return http.build();
    }

    /** Cross-origin reads (GET, HEAD and their preflights) from anywhere; writes are not offered to other origins. */
    static final class ReadOnlyCors implements CorsConfigurationSource {

        @Override
        public @Nullable CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
            String method = CorsUtils.isPreFlightRequest(request)
                    ? request.getHeader("Access-Control-Request-Method")
                    : request.getMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                return null;
            }
            CorsConfiguration reads = new CorsConfiguration();
            reads.addAllowedOrigin("*");
            reads.setAllowedMethods(List.of("GET", "HEAD"));
            reads.setAllowedHeaders(List.of("Accept", "Authorization", "If-None-Match"));
            reads.setExposedHeaders(List.of("ETag", "Link", "Location"));
            reads.setMaxAge(86_400L);
            return reads;
        }
    }
}
